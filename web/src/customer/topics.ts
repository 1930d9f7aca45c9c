/**
 * What a customer may say the contact is about. Each topic is a queue id
 * or a skill of the center's configuration, which the engine routes on.
 *
 * TODO(api): the customer page has no public route listing the center's
 * topics (GET /api/queues is staff-only), so this list mirrors the demo
 * configuration; replace it with such a route once there is one.
 */
export interface Topic {
  label: string;
  /** Sent as `topic`; undefined lets the center choose. */
  value: string | undefined;
}

export const topics: Topic[] = [
  { label: 'Billing and payments', value: 'billing' },
  { label: 'Buying something new', value: 'sales' },
  { label: 'Technical help', value: 'support' },
  { label: 'Something else', value: undefined },
];
