/**
 * Plays the agents in the server's process: each offer is accepted and
 * ended on the next turn of the event loop, so agents are free again at
 * once and the live runs never run short of ready agents. It calls the
 * engine directly rather than the agent routes, so the HTTP load stays
 * the contact creations being measured.
 */
import { EngineError, type ContactCenter } from '../../engine/index.js';

export class AgentDesk {
  private readonly unsubscribe: () => void;
  private answered = 0;
  private refused = 0;

  constructor(private readonly center: ContactCenter) {
    this.unsubscribe = center.subscribe((event) => {
      if (event.type !== 'contact.offered') return;
      // Not inside the engine's step that published the offer.
      setImmediate(() => this.answer(event.agentId, event.contactId));
    });
  }

  get counts(): { answered: number; refused: number } {
    return { answered: this.answered, refused: this.refused };
  }

  close(): void {
    this.unsubscribe();
  }

  private answer(agentId: string, contactId: string): void {
    try {
      this.center.accept(agentId, contactId);
      this.center.end(agentId, contactId);
      this.answered += 1;
    } catch (err) {
      // The contact may be gone already (e.g. the server is closing).
      if (!(err instanceof EngineError)) throw err;
      this.refused += 1;
    }
  }
}
