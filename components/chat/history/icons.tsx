import type { Channel } from '../../../lib/domain/model';
import { CHANNEL_LABELS } from '../../../lib/chat/history';

/** Glyphs, not images: no network, and each has the channel's name for assistive technology. */
const GLYPHS: Record<Channel, string> = {
  sms: '✉︎',
  facebook: 'f',
  email: '@',
  whatsapp: 'W',
  linkedin: 'in',
};

export function ChannelIcon({ channel }: { channel: Channel }) {
  const label = CHANNEL_LABELS[channel] ?? channel;
  return (
    <span class={`channel-icon channel-${channel}`} role="img" aria-label={label} title={label}>
      {channel === 'sms' ? <SmsGlyph /> : GLYPHS[channel]}
    </span>
  );
}

function SmsGlyph() {
  return (
    <svg width="10" height="10" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z" />
    </svg>
  );
}

export function BotIcon() {
  return (
    <svg class="bot-icon" width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M11 2h2v3h4a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3H7a3 3 0 0 1-3-3V8a3 3 0 0 1 3-3h4V2zm-2 8a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm6 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm-6 5v1.5h6V15H9z"
      />
    </svg>
  );
}
