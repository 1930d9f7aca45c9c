/**
 * The demo center a first start seeds: three queues (billing, sales,
 * support), English and French, ten agents of varied skill (two take three
 * chats at once), two supervisors, one admin, a few known customers, and
 * the demo passwords to sign in with.
 */
import { createUser } from './auth/create-user.js';
import type { PasswordHasher } from './auth/password-hasher.js';
import { parseConfig, type CenterConfigInput } from './config.js';
import type { Role, Store } from './store/store.js';

export const demoConfig: CenterConfigInput = {
  skills: ['billing', 'sales', 'support', 'en', 'fr'],
  queues: [
    {
      id: 'billing',
      name: 'Billing',
      topic: 'Billing and payments',
      skills: [{ skill: 'billing', minProficiency: 2 }],
      wrapUpSec: 30,
    },
    {
      id: 'sales',
      name: 'Sales',
      topic: 'Buying something new',
      skills: [{ skill: 'sales' }],
      priority: 10,
      wrapUpSec: 20,
      strategy: 'highest-proficiency',
    },
    {
      id: 'support',
      name: 'Technical support',
      topic: 'Technical help',
      skills: [{ skill: 'support', minProficiency: 3 }],
      wrapUpSec: 60,
      // After two minutes any support-skilled agent will do.
      escalation: [{ afterSec: 120, minProficiency: 1 }],
      maxWaitSec: 600,
      overflowTo: 'billing',
    },
  ],
  agents: [
    { id: 'a1', name: 'Alice Martin', skills: { billing: 5, en: 5, fr: 3 } },
    { id: 'a2', name: 'Bruno Petit', skills: { billing: 3, support: 2, fr: 5 } },
    { id: 'a3', name: 'Chloé Durand', skills: { sales: 5, en: 4, fr: 5 }, capacity: 3 },
    { id: 'a4', name: 'David Chen', skills: { sales: 3, support: 4, en: 5 } },
    { id: 'a5', name: 'Emma Wilson', skills: { support: 5, billing: 2, en: 5 } },
    { id: 'a6', name: 'Farid Haddad', skills: { support: 3, sales: 2, fr: 5, en: 3 } },
    { id: 'a7', name: 'Grace Okafor', skills: { billing: 4, sales: 4, en: 5 }, capacity: 3 },
    { id: 'a8', name: 'Hugo Lefèvre', skills: { support: 4, fr: 5 } },
    { id: 'a9', name: 'Ines Moreau', skills: { billing: 2, sales: 5, fr: 4, en: 4 } },
    { id: 'a10', name: 'Jack Turner', skills: { support: 1, billing: 1, sales: 1, en: 5 } },
  ],
};

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  agentId: string | null;
}

/** Known passwords, printed on first start; change them for real use. */
export const demoPasswords: Record<Role, string> = {
  agent: 'agent-demo',
  supervisor: 'supervisor-demo',
  admin: 'admin-demo',
};

export const demoUsers: (DemoLogin & { displayName: string })[] = [
  ...(demoConfig.agents ?? []).map((a, i) => ({
    username: `agent${i + 1}`,
    password: demoPasswords.agent,
    role: 'agent' as const,
    agentId: a.id,
    displayName: a.name,
  })),
  {
    username: 'supervisor1',
    password: demoPasswords.supervisor,
    role: 'supervisor',
    agentId: null,
    displayName: 'Sofia Rossi',
  },
  {
    username: 'supervisor2',
    password: demoPasswords.supervisor,
    role: 'supervisor',
    agentId: null,
    displayName: 'Tom Becker',
  },
  {
    username: 'admin',
    password: demoPasswords.admin,
    role: 'admin',
    agentId: null,
    displayName: 'Administrator',
  },
];

export const demoCustomers = [
  {
    name: 'Léa Fontaine',
    email: 'lea.fontaine@example.com',
    phone: '+33 6 12 34 56 78',
    notes: 'Prefers French. Premium plan.',
  },
  { name: 'Marcus Reed', email: 'marcus.reed@example.com', notes: 'Disputed an invoice in March.' },
  { name: 'Nora Kim', phone: '+1 415 555 0134', notes: 'Small business account, 12 seats.' },
  {
    name: 'Oscar Dubois',
    email: 'oscar.dubois@example.com',
    notes: 'Interested in the annual plan.',
  },
  { name: 'Priya Nair', email: 'priya.nair@example.com', phone: '+44 20 7946 0958' },
];

/**
 * Fills an empty store with the demo configuration, users and customers.
 * Returns the logins to show, or null when the store was not empty (a
 * restart keeps what is there and prints nothing).
 */
export async function seedDemo(store: Store, hasher: PasswordHasher): Promise<DemoLogin[] | null> {
  if (store.loadConfig() !== null || store.listUsers().length > 0) return null;

  store.saveConfig(parseConfig(demoConfig));
  for (const u of demoUsers) await createUser(store, hasher, u);
  for (const c of demoCustomers) store.upsertCustomer(c);

  return demoUsers.map(({ username, password, role, agentId }) => ({
    username,
    password,
    role,
    agentId,
  }));
}
