import { useId } from 'preact/hooks';
import type { Candidate, Channel } from '../../../lib/domain/model';
import { CHANNEL_LABELS, SENDABLE_CHANNELS, unreachableReason } from '../../../lib/db/mutations/messages';

/** Radio group "Channel": a channel this candidate cannot be reached on is disabled, with why. */
export function ChannelChoice(props: { candidate: Candidate; value: Channel; onChange: (c: Channel) => void; disabled?: boolean }) {
  const base = useId();
  const order: Channel[] = ['sms', 'facebook', 'email', 'whatsapp'];
  return (
    <div class="channel-choice" role="radiogroup" aria-label="Channel">
      {order
        .filter((c) => (SENDABLE_CHANNELS as readonly Channel[]).includes(c))
        .map((c) => {
          const reason = unreachableReason(props.candidate, c);
          const reasonId = `${base}-${c}`;
          return (
            <span key={c} class="channel-option">
              <label title={reason ?? undefined}>
                <input
                  type="radio"
                  name={`${base}-channel`}
                  value={c}
                  checked={props.value === c}
                  disabled={props.disabled || reason !== null}
                  aria-describedby={reason ? reasonId : undefined}
                  onChange={() => props.onChange(c)}
                />
                {CHANNEL_LABELS[c]}
              </label>
              {reason && (
                <span id={reasonId} class="channel-reason muted">
                  {reason}
                </span>
              )}
            </span>
          );
        })}
    </div>
  );
}
