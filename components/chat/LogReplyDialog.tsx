import { useEffect, useId, useState } from 'preact/hooks';
import type { Channel } from '../../lib/domain/model';
import { CHANNEL_LABELS } from '../../lib/chat/history';
import { CHANNELS, MAX_REPLY_ATTACHMENT_BYTES, MAX_REPLY_CHARS } from '../../lib/db/mutations/chat-history';
import type { AppState } from '../app/state';
import { Dialog } from '../ui/Dialog';
import { loadReplyDefaults, logReply } from './history-actions';
import { FormFooter } from '../ui/FormFooter';

/** `YYYY-MM-DDTHH:mm` in local time: the value of an `<input type="datetime-local">`. */
function localInputValue(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * "Log a reply": records what the candidate answered on their phone or in their inbox as an
 * inbound message — text, channel, when (default now) and an optional attachment.
 */
export function LogReplyDialog(props: { state: AppState; candidateId: string; leadId?: string; onClose: () => void }) {
  const { state, candidateId } = props;
  const id = useId();
  const [body, setBody] = useState('');
  const [channel, setChannel] = useState<Channel>('sms');
  const [subject, setSubject] = useState('');
  const [when, setWhen] = useState(() => localInputValue(Date.now()));
  /** Untouched, "now" means the moment of saving, to the millisecond (the field shows minutes). */
  const [whenTouched, setWhenTouched] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    loadReplyDefaults(state, candidateId)
      .then((d) => live && setChannel(d.channel))
      .catch((e: unknown) => console.warn('Leadside: could not read the last channel', e));
    return () => {
      live = false;
    };
  }, [candidateId]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    const sentAt = whenTouched ? new Date(when).getTime() : Date.now();
    if (!Number.isFinite(sentAt)) return setError('Enter when the reply was sent.');
    if (file && file.size > MAX_REPLY_ATTACHMENT_BYTES) {
      return setError(`Attachments can be at most ${MAX_REPLY_ATTACHMENT_BYTES / 1024 / 1024} MB; ${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB.`);
    }
    setSaving(true);
    const outcome = await logReply(state, {
      candidateId,
      leadId: props.leadId,
      body,
      channel,
      sentAt,
      subject: channel === 'email' ? subject : undefined,
      attachment: file ? { name: file.name, type: file.type || 'application/octet-stream', size: file.size, blob: file } : undefined,
    });
    setSaving(false);
    if (outcome.ok) props.onClose();
    else setError(outcome.error);
  };

  return (
    <Dialog title="Log a reply" onClose={props.onClose}>
      <form class="log-reply" onSubmit={(e) => void submit(e)}>
        <p class="muted small">A reply the candidate sent you outside Leadside. It shows in the history as theirs.</p>
        <div class="field">
          <label for={`${id}-body`}>Reply</label>
          <textarea id={`${id}-body`} rows={4} dir="auto" value={body} maxLength={MAX_REPLY_CHARS} onInput={(e) => setBody(e.currentTarget.value)} />
        </div>
        <div class="field-row">
          <div class="field">
            <label for={`${id}-channel`}>Channel</label>
            <select id={`${id}-channel`} value={channel} onChange={(e) => setChannel(e.currentTarget.value as Channel)}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`${id}-when`}>Date and time</label>
            <input id={`${id}-when`} type="datetime-local" value={when} required onInput={(e) => {
                setWhen(e.currentTarget.value);
                setWhenTouched(true);
              }} />
          </div>
        </div>
        {channel === 'email' && (
          <div class="field">
            <label for={`${id}-subject`}>Subject</label>
            <input id={`${id}-subject`} type="text" dir="auto" value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
          </div>
        )}
        <div class="field">
          <label for={`${id}-file`}>Attachment (optional)</label>
          <input id={`${id}-file`} type="file" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </div>
        <FormFooter problem={error} onCancel={props.onClose} submitLabel="Log reply" busy={saving} />
      </form>
    </Dialog>
  );
}
