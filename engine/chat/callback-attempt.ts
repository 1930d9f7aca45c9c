/**
 * One try at calling a customer back, kept per callback contact: when the
 * agent dialled, whether the customer was reached, and, for a try that
 * failed, the contact that retries it. `retryOf` and `retryContactId` link
 * the tries of one request into a chain.
 */
import { z } from 'zod';

export const CallbackOutcome = z.enum(['reached', 'no_answer']);
export type CallbackOutcome = z.infer<typeof CallbackOutcome>;

export const CallbackAttempt = z.object({
  contactId: z.string(),
  /** The contact this one retries; null for the customer's own request. */
  retryOf: z.string().nullable(),
  /** 1 for the request itself, 2 for its first retry, … */
  attempt: z.number().int().min(1),
  dialedAt: z.number().nullable(),
  outcome: CallbackOutcome.nullable(),
  outcomeAt: z.number().nullable(),
  /** When the retry is due to be queued; null when none is planned. */
  retryDueAt: z.number().nullable(),
  /** The retry, once queued. */
  retryContactId: z.string().nullable(),
});
export type CallbackAttempt = z.infer<typeof CallbackAttempt>;

export function firstAttempt(contactId: string, retryOf: string | null = null, attempt = 1) {
  const fresh: CallbackAttempt = {
    contactId,
    retryOf,
    attempt,
    dialedAt: null,
    outcome: null,
    outcomeAt: null,
    retryDueAt: null,
    retryContactId: null,
  };
  return fresh;
}
