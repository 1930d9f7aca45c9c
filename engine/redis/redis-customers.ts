/**
 * Customers on Redis, for RedisStore: profiles with their email and phone
 * indexes in memory, each change queued through the center's
 * FencedWriter. An erased customer keeps its emptied profile (so its id
 * is never handed out again) and is marked in `customers:erased`.
 */
import type { Customer, CustomerInput } from '../store/store.js';
import type { CenterKeys } from './center-keys.js';
import type { FencedWriter } from './fenced-writer.js';
import type { StoreSnapshot } from './store-snapshot.js';

export class RedisCustomers {
  private readonly customers = new Map<string, Customer>();
  private readonly byEmail = new Map<string, string>();
  private readonly byPhone = new Map<string, string>();
  /** Erased customer id → when. */
  private readonly erased: Map<string, number>;

  constructor(
    private readonly writer: FencedWriter,
    private readonly keys: CenterKeys,
    private readonly now: () => number,
    snapshot: Pick<StoreSnapshot, 'customers' | 'erased'>,
  ) {
    for (const c of snapshot.customers) this.remember(c);
    this.erased = new Map(snapshot.erased);
  }

  /** Finds a customer by email, else phone, else creates one. */
  upsert(input: CustomerInput): Customer {
    const foundId =
      (input.email && this.byEmail.get(input.email)) ||
      (input.phone && this.byPhone.get(input.phone)) ||
      null;
    const found = foundId ? this.customers.get(foundId) : undefined;
    const customer: Customer = {
      // Sequential like the other stores; profiles are never deleted.
      id: found?.id ?? `cu${this.customers.size + 1}`,
      name: input.name ?? found?.name ?? null,
      email: input.email ?? found?.email ?? null,
      phone: input.phone ?? found?.phone ?? null,
      notes: input.notes ?? found?.notes ?? null,
      createdAt: found?.createdAt ?? this.now(),
    };
    this.save(customer, found);
    return customer;
  }

  /** Null for an unknown or erased customer. */
  get(id: string): Customer | null {
    return this.erased.has(id) ? null : (this.customers.get(id) ?? null);
  }

  isErased(id: string | null): boolean {
    return id !== null && this.erased.has(id);
  }

  /** Empties the profile and marks it erased; false if unknown or erased already. */
  erase(id: string, at: number): boolean {
    const customer = this.customers.get(id);
    if (!customer || this.erased.has(id)) return false;

    this.erased.set(id, at);
    this.save({ ...customer, name: null, email: null, phone: null, notes: null }, customer);
    this.writer.write({ command: 'HSET', key: this.keys.customersErased, args: [id, at] });
    return true;
  }

  private save(customer: Customer, previous: Customer | undefined): void {
    this.remember(customer, previous);
    this.writer.write({
      command: 'HSET',
      key: this.keys.customers,
      args: [customer.id, JSON.stringify(customer)],
    });
  }

  private remember(customer: Customer, previous?: Customer): void {
    this.customers.set(customer.id, customer);
    if (previous?.email && this.byEmail.get(previous.email) === customer.id)
      this.byEmail.delete(previous.email);
    if (previous?.phone && this.byPhone.get(previous.phone) === customer.id)
      this.byPhone.delete(previous.phone);
    // The earliest customer with an email or phone keeps it, as in SQL.
    if (customer.email !== null && !this.byEmail.has(customer.email))
      this.byEmail.set(customer.email, customer.id);
    if (customer.phone !== null && !this.byPhone.has(customer.phone))
      this.byPhone.set(customer.phone, customer.id);
  }
}
