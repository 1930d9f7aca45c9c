/**
 * What the center knows of a browser call on a voice contact: when the two
 * browsers reported the media connected, when either hung up, and each
 * mute. The audio itself never passes through the server (WebRTC is peer to
 * peer), so these times are as the parties' pages reported them.
 */
import { z } from 'zod';

export const CallParty = z.enum(['customer', 'agent']);
export type CallParty = z.infer<typeof CallParty>;

export const MediaRecord = z.object({
  contactId: z.string(),
  /** The first report of a connected call from either side. */
  connectedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  endedBy: CallParty.nullable(),
  mutes: z.array(z.object({ by: CallParty, muted: z.boolean(), at: z.number() })),
});
export type MediaRecord = z.infer<typeof MediaRecord>;

export function emptyMedia(contactId: string): MediaRecord {
  return { contactId, connectedAt: null, endedAt: null, endedBy: null, mutes: [] };
}
