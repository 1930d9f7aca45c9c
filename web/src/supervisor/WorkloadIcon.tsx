/**
 * One contact in an agent's workload: a button that opens the contact's
 * profile, and a drag handle for reassigning it to another agent. Queued,
 * ringing, active, on-hold and wrap-up contacts look different by shape
 * and pattern as well as colour.
 */
import { useDraggable } from '@dnd-kit/core';
import { memo } from 'react';
import { ChannelIcon } from '../common/ChannelIcon';
import type { LiveContact, WorkStatus } from '../live/LiveContact';
import { reassignKind } from './reassign';

export const statusLabel: Record<WorkStatus, string> = {
  new: 'arriving',
  waiting: 'queued',
  ringing: 'ringing',
  active: 'active',
  held: 'on hold',
  wrapUp: 'in wrap-up',
};

export interface WorkloadIconProps {
  contact: LiveContact;
  onOpen(contactId: string): void;
}

export const WorkloadIcon = memo(function WorkloadIcon({ contact, onOpen }: WorkloadIconProps) {
  const movable = reassignKind(contact) !== null;
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: contact.contactId,
    data: { contact },
    disabled: !movable,
  });
  const who = contact.customer?.name ?? 'customer';
  const label = `${statusLabel[contact.status]} ${contact.channel ?? 'contact'}: ${who}`;

  return (
    <button
      ref={setNodeRef}
      type="button"
      {...attributes}
      {...listeners}
      // dnd-kit's role description would announce every icon as "draggable".
      aria-roledescription={undefined}
      className={`work-icon status-${contact.status}${isDragging ? ' dragging' : ''}`}
      data-contact-id={contact.contactId}
      data-status={contact.status}
      aria-label={label}
      title={label}
      onClick={() => onOpen(contact.contactId)}
    >
      <ChannelIcon channel={contact.channel} size={14} />
    </button>
  );
});
