/**
 * A customer's personal data (admins only): export everything the center
 * holds about one customer (profile, contact records, chat transcripts),
 * or erase it. Erasing empties the profile and strips the customer link
 * and free text from their contact records, which keep their times so
 * statistics do not change; the store drops the transcripts. Both are
 * audited, by customer id only.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.js';
import { ChatMessage, publicMessage } from '../../chat/chat-message.js';
import { ContactRecord } from '../../records.js';
import type { ApiApp, RouteDeps } from '../api-app.js';
import { guard } from '../authenticate.js';
import { HttpProblem, problemResponses } from '../problem.js';
import { Customer } from '../views/customer-view.js';
import { CustomerParams, json, signedIn } from './route-parts.js';

const CustomerExport = z
  .object({
    customer: Customer,
    /** Every finished contact of the customer, oldest first. */
    contacts: z.array(ContactRecord),
    /** The chat of each of those contacts that had one, whispers included. */
    transcripts: z.array(z.object({ contactId: z.string(), messages: z.array(ChatMessage) })),
    exportedAt: z.number(),
  })
  .openapi('CustomerExport');

const Erased = z
  .object({ customerId: z.string(), contactsScrubbed: z.number().int(), erasedAt: z.number() })
  .openapi('CustomerErased');

const adminOnly = {
  tags: ['admin'],
  security: signedIn,
  middleware: [guard('customers.manage')],
};

const exportRoute = createRoute({
  method: 'get',
  path: '/api/admin/customers/{id}/export',
  summary: 'Everything held about a customer: the profile and their contact records',
  ...adminOnly,
  request: { params: CustomerParams },
  responses: {
    200: json(CustomerExport, 'The customer and their contacts.'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const eraseRoute = createRoute({
  method: 'delete',
  path: '/api/admin/customers/{id}',
  summary: "Erase a customer's personal data; their contacts' statistics stay",
  description:
    'The profile is emptied; each contact record loses its customer link and disposition but ' +
    'keeps its times and outcome. A contact still open loses them when it closes.',
  ...adminOnly,
  request: { params: CustomerParams },
  responses: {
    200: json(Erased, 'Erased.'),
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerAdminCustomerRoutes(app: ApiApp, deps: RouteDeps): void {
  const unknown = (id: string) => new HttpProblem(404, 'unknown_customer', `no customer ${id}`);

  app.openapi(exportRoute, function exportCustomer(c) {
    const p = authorize(c.get('principal'), 'customers.manage');
    const { id } = c.req.valid('param');
    const customer = deps.store.getCustomer(id);
    if (!customer) throw unknown(id);

    const contacts = deps.store.listContacts({ customerId: id });
    const transcripts = contacts
      .map((r) => ({
        contactId: r.id,
        messages: deps.store.conversations.listChatMessages(r.id).map(publicMessage),
      }))
      .filter((t) => t.messages.length > 0);

    deps.audit(p, 'customer.export', id, { contacts: contacts.length });
    return c.json({ customer, contacts, transcripts, exportedAt: deps.now() }, 200);
  });

  app.openapi(eraseRoute, function eraseCustomer(c) {
    const p = authorize(c.get('principal'), 'customers.manage');
    const { id } = c.req.valid('param');
    const erasedAt = deps.now();

    const scrubbed = deps.store.eraseCustomer(id, erasedAt);
    if (scrubbed === null) throw unknown(id);

    deps.audit(p, 'customer.erase', id, { contacts: scrubbed });
    return c.json({ customerId: id, contactsScrubbed: scrubbed, erasedAt }, 200);
  });
}
