/**
 * One waiting contact in a queue list: its place, a drag handle to move
 * it, who it is, how long it has waited, and its priority.
 */
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo } from 'react';
import { ChannelIcon } from '../common/ChannelIcon';
import { Elapsed } from '../common/Elapsed';
import type { LiveContact } from '../live/LiveContact';

/** Rows have one fixed height so that long lists can be windowed. */
export const queueRowHeight = 44;

export interface QueueRowProps {
  contact: LiveContact;
  position: number;
  onOpen(contactId: string): void;
}

export const QueueRow = memo(function QueueRow({ contact, position, onOpen }: QueueRowProps) {
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({
    id: contact.contactId,
  });
  const name = contact.customer?.name ?? `Contact ${contact.contactId.slice(-6)}`;

  return (
    <li
      ref={setNodeRef}
      className={`queue-row${isDragging ? ' dragging' : ''}`}
      data-contact-id={contact.contactId}
      style={{ transform: CSS.Translate.toString(transform), transition, height: queueRowHeight }}
    >
      <span className="queue-pos" aria-hidden="true">
        {position + 1}
      </span>
      <button
        ref={setActivatorNodeRef}
        type="button"
        className="drag-handle"
        aria-label={`Move ${name}, number ${position + 1} in the queue`}
        {...attributes}
        {...listeners}
      >
        <svg width="12" height="16" viewBox="0 0 12 16" aria-hidden="true" focusable="false">
          <path
            d="M3 3h1M8 3h1M3 8h1M8 8h1M3 13h1M8 13h1"
            stroke="currentColor"
            strokeWidth="2.5"
            strokeLinecap="round"
          />
        </svg>
      </button>
      <ChannelIcon channel={contact.channel} />
      <button
        type="button"
        className="link grow queue-name"
        onClick={() => onOpen(contact.contactId)}
      >
        {name}
        {contact.callbackRequested && <span className="tag">callback</span>}
      </button>
      {contact.priority !== 0 && (
        <span className="tag" title="Priority">
          P{contact.priority}
        </span>
      )}
      <Elapsed since={contact.queuedAt} label="waiting for" />
    </li>
  );
});
