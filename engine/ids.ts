/**
 * Branded identifiers, so an agent id can never be passed where a contact
 * id is expected. They are plain strings at run time.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type ContactId = Brand<string, 'ContactId'>;
export type AgentId = Brand<string, 'AgentId'>;
export type QueueId = Brand<string, 'QueueId'>;
export type OfferId = Brand<string, 'OfferId'>;
export type CustomerId = Brand<string, 'CustomerId'>;

export const contactId = (s: string) => s as ContactId;
export const agentId = (s: string) => s as AgentId;
export const queueId = (s: string) => s as QueueId;
export const offerId = (s: string) => s as OfferId;
export const customerId = (s: string) => s as CustomerId;
