/** The live dashboard: tiles, the agent board and the queue, and the contact profile dialog. */
import { useCallback, useState } from 'react';
import { describeError } from '../api/ApiError';
import { ErrorNote } from '../common/ErrorNote';
import type { LiveContact } from '../live/LiveContact';
import type { CenterLive } from '../live/useCenterLive';
import { useCenterSnapshot } from '../live/useCenterSnapshot';
import { AgentBoard } from './AgentBoard';
import { ContactProfileDialog } from './ContactProfileDialog';
import { QueuePanel } from './QueuePanel';
import { reassign } from './reassign';
import { RealtimeTiles } from './RealtimeTiles';

export function Dashboard({ live }: { live: CenterLive }) {
  const snapshot = useCenterSnapshot(live.store);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onReassign = useCallback((contact: LiveContact, agentId: string) => {
    reassign(contact, agentId).then(
      () => setError(null),
      (err: unknown) => setError(describeError(err)),
    );
  }, []);

  return (
    <main className="dashboard">
      <h1 className="visually-hidden">Live dashboard</h1>
      <ErrorNote message={error ?? live.error} onDismiss={() => setError(null)} />
      <RealtimeTiles realtime={live.realtime} snapshot={snapshot} />
      <div className="dashboard-grid">
        <AgentBoard snapshot={snapshot} onOpenContact={setOpen} onReassign={onReassign} />
        <QueuePanel
          snapshot={snapshot}
          live={live}
          realtime={live.realtime}
          onOpenContact={setOpen}
        />
      </div>
      {open && (
        <ContactProfileDialog
          contactId={open}
          live={live.store.contact(open)}
          connection={live.connection}
          snapshot={snapshot}
          onClose={() => setOpen(null)}
        />
      )}
    </main>
  );
}
