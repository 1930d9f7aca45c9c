/**
 * An incoming contact: it rings (visibly, and announced to screen
 * readers) with a countdown to the moment the offer lapses, the customer
 * at a glance, and accept or decline.
 */
import type { ContactDetail } from '../api/types';
import { ChannelIcon } from '../common/ChannelIcon';
import { useNow } from '../common/secondTicker';
import type { Deadline } from './useDesk';

export interface OfferCardProps {
  offer: ContactDetail;
  deadline: Deadline | null;
  busy: boolean;
  onAccept(): void;
  onDecline(): void;
}

export function OfferCard({ offer, deadline, busy, onAccept, onDecline }: OfferCardProps) {
  const now = useNow();
  const left = deadline ? Math.max(0, Math.ceil((deadline.localAt - now) / 1000)) : null;
  const who = offer.customer?.name ?? 'A customer';

  return (
    <article
      className="offer ringing"
      aria-labelledby={`offer-${offer.contactId}`}
      data-testid="offer"
    >
      <div className="ring-icon">
        <ChannelIcon channel={offer.channel} size={28} />
      </div>
      <div className="grow">
        <h2 id={`offer-${offer.contactId}`} role="alert">
          Incoming {offer.channel}: {who}
        </h2>
        <p className="muted">
          {offer.topic ? `About ${offer.topic} · ` : ''}queue {offer.queueId}
        </p>
      </div>
      {left !== null && (
        <div className="countdown" aria-label={`${left} seconds left to answer`}>
          <span className="countdown-number">{left}</span>
          <span className="muted">s</span>
        </div>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={onAccept}>
          Accept
        </button>
        <button type="button" disabled={busy} onClick={onDecline}>
          Decline
        </button>
      </div>
    </article>
  );
}
