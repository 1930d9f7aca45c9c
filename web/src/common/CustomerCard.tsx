/**
 * A customer at a glance, for the agent beside a conversation and for the
 * supervisor in a contact's profile: who, how to reach them, and their
 * earlier contacts, each with its conversation on demand.
 */
import type { ContactDetail, ContactRecord, Customer } from '../api/types';
import { TranscriptView } from '../conversation/TranscriptView';
import { formatDateTime } from './format';

export function CustomerCard({
  contact,
}: {
  contact: Pick<ContactDetail, 'customer' | 'history' | 'topic' | 'language'>;
}) {
  const c = contact.customer;
  return (
    <div className="stack customer-card">
      <h3>Customer</h3>
      {c ? (
        <CustomerFacts customer={c} topic={contact.topic} language={contact.language} />
      ) : (
        <p className="muted">No profile on file.</p>
      )}
      <h3>History</h3>
      <HistoryList history={contact.history} />
    </div>
  );
}

function CustomerFacts({
  customer,
  topic,
  language,
}: {
  customer: Customer;
  topic: string | null;
  language: string | null;
}) {
  return (
    <dl className="facts compact">
      <div>
        <dt>Name</dt>
        <dd data-testid="customer-name">{customer.name ?? '—'}</dd>
      </div>
      <div>
        <dt>Email</dt>
        <dd>{customer.email ?? '—'}</dd>
      </div>
      <div>
        <dt>Phone</dt>
        <dd>{customer.phone ?? '—'}</dd>
      </div>
      {topic && (
        <div>
          <dt>Topic</dt>
          <dd>{topic}</dd>
        </div>
      )}
      {language && (
        <div>
          <dt>Language</dt>
          <dd>{language}</dd>
        </div>
      )}
      {customer.notes && (
        <div>
          <dt>Notes</dt>
          <dd>{customer.notes}</dd>
        </div>
      )}
      <div>
        <dt>Customer since</dt>
        <dd>{formatDateTime(customer.createdAt)}</dd>
      </div>
    </dl>
  );
}

export function HistoryList({ history }: { history: ContactRecord[] | undefined }) {
  if (history === undefined) return <p className="muted">History is not available here.</p>;
  if (history.length === 0) return <p className="muted">No earlier contacts.</p>;
  return (
    <ol className="history">
      {history.map((r) => (
        <li key={r.id}>
          <span>{formatDateTime(r.createdAt)}</span>
          <span className="muted">
            {' '}
            · {r.channel}
            {r.topic ? ` · ${r.topic}` : ''} · {r.outcome ?? 'open'}
            {r.disposition ? ` · ${r.disposition}` : ''}
          </span>
          <TranscriptView contactId={r.id} />
        </li>
      ))}
    </ol>
  );
}
