/** A store that keeps everything in memory: for tests and the simulator. */
import type { CenterConfig } from '../config.js';
import type { ContactRecord } from '../records.js';
import type { ContactQuery, Customer, CustomerInput, Store } from './store.js';
import { matches } from './query.js';

export class MemoryStore implements Store {
  private config: CenterConfig | null = null;
  private readonly customers = new Map<string, Customer>();
  private readonly contacts = new Map<string, ContactRecord>();

  constructor(private readonly now: () => number = () => 0) {}

  loadConfig(): CenterConfig | null {
    return this.config;
  }

  saveConfig(config: CenterConfig): void {
    this.config = config;
  }

  upsertCustomer(input: CustomerInput): Customer {
    const found = [...this.customers.values()].find(
      (c) => (input.email && c.email === input.email) || (input.phone && c.phone === input.phone),
    );
    const customer: Customer = {
      id: found?.id ?? `cu${this.customers.size + 1}`,
      name: input.name ?? found?.name ?? null,
      email: input.email ?? found?.email ?? null,
      phone: input.phone ?? found?.phone ?? null,
      notes: input.notes ?? found?.notes ?? null,
      createdAt: found?.createdAt ?? this.now(),
    };
    this.customers.set(customer.id, customer);
    return customer;
  }

  getCustomer(id: string): Customer | null {
    return this.customers.get(id) ?? null;
  }

  saveContact(record: ContactRecord): void {
    this.contacts.set(record.id, record);
  }

  getContact(id: string): ContactRecord | null {
    return this.contacts.get(id) ?? null;
  }

  listContacts(query: ContactQuery): ContactRecord[] {
    const rows = [...this.contacts.values()].filter((r) => matches(r, query));
    rows.sort((a, b) => a.queuedAt - b.queuedAt);
    return rows.slice(0, query.limit ?? rows.length);
  }

  close(): void {}
}
