/**
 * Small line icons for the channels, drawn as inline SVG: the pages load
 * no icon fonts and cannot rely on emoji fonts being installed.
 */
import type { Channel } from '../api/types';

const paths: Record<Channel | 'unknown', string> = {
  chat: 'M4 5h16v10H9l-5 4z',
  voice: 'M6 3l3 1 1 4-2 1a11 11 0 0 0 6 6l1-2 4 1 1 3-2 3C11 20 4 13 3 5z',
  callback: 'M6 3l3 1 1 4-2 1a11 11 0 0 0 6 6l1-2 4 1 1 3-2 3C11 20 4 13 3 5zM14 3h6v6M20 3l-6 6',
  unknown: 'M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16z',
};

export function ChannelIcon({ channel, size = 16 }: { channel: Channel | null; size?: number }) {
  return (
    <svg
      className="channel-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[channel ?? 'unknown']}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
