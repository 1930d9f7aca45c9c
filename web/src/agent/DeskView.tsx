/**
 * The signed-in agent's desk: presence, ringing offers, and the contacts
 * in hand as tabs (several chats at once where capacity allows), the
 * selected one beside its customer's profile and history. Every contact
 * in hand stays mounted, hidden when not selected, so each chat keeps
 * receiving and each call keeps its audio while the agent looks elsewhere.
 */
import { useEffect, useState } from 'react';
import { agentApi } from '../api/api';
import type { ContactDetail } from '../api/types';
import { ErrorNote } from '../common/ErrorNote';
import { ContactWorkspace } from './ContactWorkspace';
import { OfferCard } from './OfferCard';
import { PresenceControls } from './PresenceControls';
import { useDesk } from './useDesk';

export function DeskView({
  displayName,
  onSignOut,
}: {
  displayName: string;
  onSignOut(): Promise<void>;
}) {
  const { desk, socket, timings, error, busy, run, clearError } = useDesk();
  const [selected, setSelected] = useState<string | null>(null);

  const inHand: { contact: ContactDetail; phase: 'active' | 'wrapUp' }[] = desk
    ? [
        ...desk.workload.active.map((contact) => ({ contact, phase: 'active' as const })),
        ...desk.workload.wrapUps.map((contact) => ({ contact, phase: 'wrapUp' as const })),
      ]
    : [];
  const current = inHand.find((w) => w.contact.contactId === selected) ?? inHand[0] ?? null;
  const currentId = current?.contact.contactId ?? null;

  // Follow the newest contact in hand when the selected one is gone.
  useEffect(() => {
    if (currentId !== selected) setSelected(currentId);
  }, [currentId, selected]);

  async function signOut() {
    if (desk && desk.presence !== 'loggedOut') await run(agentApi.logout);
    await onSignOut();
  }

  return (
    <div className="app-shell">
      <header className="topbar">
        <strong className="brand-name">Switchboard · Agent desk</strong>
        <span className="who">{displayName}</span>
        {desk && <PresenceControls desk={desk} busy={busy} run={run} />}
        <button type="button" className="quiet" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main className="desk">
        <ErrorNote message={error} onDismiss={clearError} />
        {!desk && <p>Loading your desk…</p>}
        {desk && desk.workload.offers.length > 0 && (
          <section className="offers" aria-label="Incoming contacts">
            {desk.workload.offers.map((offer) => (
              <OfferCard
                key={offer.contactId}
                offer={offer}
                deadline={timings.offerEnds.get(offer.contactId) ?? null}
                busy={busy}
                onAccept={() => run(() => agentApi.accept(offer.contactId))}
                onDecline={() => run(() => agentApi.decline(offer.contactId))}
              />
            ))}
          </section>
        )}
        {desk && inHand.length > 0 && (
          <>
            <div className="tabs" role="tablist" aria-label="Your contacts">
              {inHand.map(({ contact, phase }) => (
                <button
                  key={contact.contactId}
                  type="button"
                  role="tab"
                  id={`tab-${contact.contactId}`}
                  aria-selected={contact.contactId === currentId}
                  aria-controls={`workspace-${contact.contactId}`}
                  className={`tab ${phase}`}
                  onClick={() => setSelected(contact.contactId)}
                >
                  <span
                    className={`dot ${phase === 'wrapUp' ? 'wrap-up' : timings.onHold.has(contact.contactId) ? 'held' : 'active'}`}
                    aria-hidden="true"
                  />
                  {contact.customer?.name ?? 'Customer'}
                  <span className="muted">
                    {' '}
                    · {phase === 'wrapUp' ? 'wrap-up' : contact.channel}
                  </span>
                </button>
              ))}
              <span className="muted capacity">
                {desk.workload.active.length} of {desk.capacity}{' '}
                {desk.capacity === 1 ? 'slot' : 'slots'} in use
              </span>
            </div>
            {inHand.map(({ contact, phase }) => (
              <ContactWorkspace
                key={contact.contactId}
                hidden={contact.contactId !== currentId}
                socket={socket}
                contact={contact}
                phase={phase}
                onHold={timings.onHold.has(contact.contactId)}
                wrapUpEnds={timings.wrapUpEnds.get(contact.contactId) ?? null}
                busy={busy}
                run={run}
              />
            ))}
          </>
        )}
        {desk && inHand.length === 0 && desk.workload.offers.length === 0 && (
          <IdleNote presence={desk.presence} />
        )}
      </main>
    </div>
  );
}

function IdleNote({ presence }: { presence: string }) {
  const text =
    presence === 'ready'
      ? 'You are ready. New contacts will ring here.'
      : presence === 'notReady'
        ? 'You are not ready. Choose Ready when you want contacts.'
        : 'You are logged out of the center. Log in to start taking contacts.';
  return <p className="empty-state">{text}</p>;
}
