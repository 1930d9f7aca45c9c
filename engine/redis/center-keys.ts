/**
 * Every Redis key a center uses, in one place, so the layout is written
 * down once and API nodes can read what the engine writes.
 *
 * All keys start with the center's prefix. Put a hash tag in it
 * (`sb:{main}:`) so that on a cluster every key of a center lands in one
 * slot, which the fenced write script needs.
 *
 * | key                        | type   | holds                                             |
 * | -------------------------- | ------ | ------------------------------------------------- |
 * | `lease`                    | string | the engine holding the center; expires (PX)        |
 * | `fence`                    | int    | fencing token: INCR on every lease acquisition    |
 * | `config`                   | string | the center configuration, JSON                    |
 * | `customers`                | hash   | customer id → Customer JSON                       |
 * | `customers:erased`         | hash   | erased customer id → when it was erased           |
 * | `contacts`                 | hash   | contact id → ContactRecord JSON                   |
 * | `contacts:queued`          | zset   | contact id scored by queuedAt (queue-entry order) |
 * | `contacts:order`           | hash   | contact id → ordinal of its first save (ties)     |
 * | `customer:<id>:contacts`   | zset   | one customer's contact ids scored by queuedAt     |
 * | `users`                    | hash   | user id → User JSON                               |
 * | `usernames`                | hash   | lower-cased username → user id                    |
 * | `users:last`               | int    | highest user number handed out (deleted included) |
 * | `session:<tokenHash>`      | string | Session JSON, expiring at its expiresAt (PXAT)    |
 * | `sessions`                 | zset   | token hashes scored by expiresAt (for loading)    |
 * | `interval-rows`            | hash   | row key → IntervalRow JSON                        |
 * | `audit`                    | stream | audit entry n has id `n-0`; field `entry` (JSON)  |
 * | `chat-messages`            | hash   | `<contactId>:<seq>` → StoredChatMessage JSON      |
 * | `call-media`               | hash   | contact id → MediaRecord JSON                     |
 * | `callback-attempts`        | hash   | contact id → CallbackAttempt JSON                 |
 * | `journal`                  | stream | entry n has id `n-0`; fields `at`, `command`      |
 * | `events`                   | stream | event seq s has id `s-0`; fields `seq`, `event`   |
 * | `commands`                 | stream | commands from API nodes; `request`, `replyTo`,    |
 * |                            |        | `sentAt`, `command`                               |
 * | `commands:applied`         | string | id of the last command the engine applied         |
 * | `replies:<senderId>`       | list   | replies to one sender; short TTL                  |
 * | `requests`                 | stream | HTTP requests API nodes forward to the engine     |
 * | `request:<id>`             | string | a forwarded request's effects are stored; TTL     |
 * | `node:<nodeId>`            | string | an API node is alive; short TTL, renewed          |
 * | `node:<nodeId>:out`        | stream | live socket messages for one API node's clients   |
 * | `sockets:in`               | stream | frames and closes from API nodes' live clients    |
 */
export interface CenterKeys {
  readonly prefix: string;
  readonly lease: string;
  readonly fence: string;
  readonly config: string;
  readonly customers: string;
  readonly customersErased: string;
  readonly contacts: string;
  readonly contactsQueued: string;
  readonly contactsOrder: string;
  customerContacts(customerId: string): string;
  readonly users: string;
  readonly usernames: string;
  readonly usersLast: string;
  session(tokenHash: string): string;
  readonly sessions: string;
  readonly intervalRows: string;
  readonly audit: string;
  readonly chatMessages: string;
  readonly callMedia: string;
  readonly callbackAttempts: string;
  readonly journal: string;
  readonly events: string;
  readonly commands: string;
  readonly commandsApplied: string;
  replies(senderId: string): string;
  readonly requests: string;
  requestDone(requestId: string): string;
  node(nodeId: string): string;
  nodeOut(nodeId: string): string;
  readonly socketsIn: string;
}

export function centerKeys(prefix: string): CenterKeys {
  if (prefix.length === 0) throw new Error('a center key prefix must not be empty');
  const k = (name: string) => `${prefix}${name}`;
  return {
    prefix,
    lease: k('lease'),
    fence: k('fence'),
    config: k('config'),
    customers: k('customers'),
    customersErased: k('customers:erased'),
    contacts: k('contacts'),
    contactsQueued: k('contacts:queued'),
    contactsOrder: k('contacts:order'),
    customerContacts: (customerId) => k(`customer:${customerId}:contacts`),
    users: k('users'),
    usernames: k('usernames'),
    usersLast: k('users:last'),
    session: (tokenHash) => k(`session:${tokenHash}`),
    sessions: k('sessions'),
    intervalRows: k('interval-rows'),
    audit: k('audit'),
    chatMessages: k('chat-messages'),
    callMedia: k('call-media'),
    callbackAttempts: k('callback-attempts'),
    journal: k('journal'),
    events: k('events'),
    commands: k('commands'),
    commandsApplied: k('commands:applied'),
    replies: (senderId) => k(`replies:${senderId}`),
    requests: k('requests'),
    requestDone: (requestId) => k(`request:${requestId}`),
    node: (nodeId) => k(`node:${nodeId}`),
    nodeOut: (nodeId) => k(`node:${nodeId}:out`),
    socketsIn: k('sockets:in'),
  };
}
