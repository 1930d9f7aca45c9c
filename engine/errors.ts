/**
 * The engine's one error type. Each has a stable code that the HTTP layer
 * maps to a status in one place; the message names the ids involved.
 */
export const errorCodes = [
  'unknown_contact',
  'unknown_agent',
  'unknown_queue',
  'unknown_skill',
  'contact_gone',
  'agent_not_ready',
  'agent_logged_out',
  'not_offered_to_agent',
  'not_assigned_to_agent',
  'wrong_state',
  'invalid_position',
] as const;
export type EngineErrorCode = (typeof errorCodes)[number];

export class EngineError extends Error {
  override readonly name = 'EngineError';

  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
  }
}
