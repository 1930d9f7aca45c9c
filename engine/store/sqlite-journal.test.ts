import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteJournal } from './sqlite-journal.js';

describe('the SQLite command journal', () => {
  it('gives back every command in order after the file is reopened', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'journal-')), 'center.db');
    const journal = new SqliteJournal(path);
    journal.append(1_000, { type: 'agent.login', agentId: 'a1' });
    journal.append(1_000, { type: 'agent.ready', agentId: 'a1' });
    journal.append(2_500, {
      type: 'contact.create',
      request: { id: 'c1', channel: 'chat', queueId: 'q', customerId: 'cu1' },
    });
    journal.close();

    const reopened = new SqliteJournal(path);

    expect([...reopened.entries()]).toEqual([
      { n: 1, at: 1_000, command: { type: 'agent.login', agentId: 'a1' } },
      { n: 2, at: 1_000, command: { type: 'agent.ready', agentId: 'a1' } },
      {
        n: 3,
        at: 2_500,
        command: {
          type: 'contact.create',
          request: { id: 'c1', channel: 'chat', queueId: 'q', customerId: 'cu1' },
        },
      },
    ]);
    reopened.close();
  });
});
