/**
 * What the engine persists, behind one small interface: configuration,
 * customers and finished contact records. SQLite is the embedded default;
 * a memory store serves tests and the simulator.
 */
import { z } from 'zod';
import type { CenterConfig } from '../config.js';
import type { ContactRecord } from '../records.js';

export const CustomerInput = z.object({
  name: z.string().min(1).max(200).optional(),
  email: z.string().email().max(320).optional(),
  phone: z.string().regex(/^\+?[0-9 ()-]{3,32}$/).optional(),
  notes: z.string().max(4000).optional(),
});
export type CustomerInput = z.infer<typeof CustomerInput>;

export interface Customer {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  createdAt: number;
}

export interface ContactQuery {
  customerId?: string;
  agentId?: string;
  queueId?: string;
  /** Queue entry at or after, epoch ms. */
  from?: number;
  /** Queue entry before, epoch ms. */
  to?: number;
  limit?: number;
}

export interface Store {
  loadConfig(): CenterConfig | null;
  saveConfig(config: CenterConfig): void;
  /** Finds a customer by email, else phone, else creates one. */
  upsertCustomer(input: CustomerInput): Customer;
  getCustomer(id: string): Customer | null;
  saveContact(record: ContactRecord): void;
  getContact(id: string): ContactRecord | null;
  /** Records in queue-entry order. */
  listContacts(query: ContactQuery): ContactRecord[];
  close(): void;
}
