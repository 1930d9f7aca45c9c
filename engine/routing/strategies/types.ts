/**
 * What a routing strategy sees of an available agent, and what it returns:
 * a sort key, compared element by element, smallest first. The ready-agent
 * index keeps agents in this order, so picking the best costs O(log n).
 */
export interface AgentFacts {
  /** Since when the agent has been without work (epoch ms). */
  idleSince: number;
  /** Units of capacity in use, and the agent's capacity. */
  load: number;
  capacity: number;
  /** Contacts accepted since login. */
  handled: number;
  /** Sum of the agent's proficiency in the queue's skills. */
  proficiency: number;
  /** The agent's position in the configuration (top-down order). */
  order: number;
  /** Engine sequence number of the agent's last offer (0 if none). */
  lastOfferSeq: number;
  /** Drawn from the engine's seeded generator when the agent is indexed. */
  draw: number;
}

export type SortKey = readonly number[];
export type Strategy = (agent: AgentFacts) => SortKey;
