import { useEffect, useState } from 'preact/hooks';
import type { Attachment, Message, User } from '../../../lib/domain/model';
import { STATUS_LABELS } from '../../../lib/chat/history';
import { Avatar } from '../../ui/Avatar';
import { BotIcon, ChannelIcon } from './icons';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * An object URL for a stored Blob, revoked when the row unmounts (rows come and go as the list
 * scrolls, so URLs never pile up).
 */
function useObjectUrl(blob: Blob | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!(blob instanceof Blob)) return;
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(null);
    };
  }, [blob]);
  return url;
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has started by the next task; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function AttachmentView({ message, attachment }: { message: Message; attachment: Attachment }) {
  const url = useObjectUrl(attachment.blob);
  const stored = attachment.blob instanceof Blob;
  const kind = message.kind === 'text' || message.kind === 'event' ? 'file' : message.kind;
  if (!stored) return <p class="msg-file muted small">{attachment.name} (not stored)</p>;
  if (kind === 'image') return url ? <img class="msg-media msg-image" src={url} alt={attachment.name} /> : <span class="msg-media-placeholder" />;
  if (kind === 'audio') return url ? <audio class="msg-audio" controls src={url} aria-label={attachment.name} /> : null;
  if (kind === 'video') return url ? <video class="msg-media" controls src={url} aria-label={attachment.name} /> : <span class="msg-media-placeholder" />;
  return (
    <button type="button" class="msg-file" onClick={() => attachment.blob && download(attachment.blob, attachment.name)}>
      ⬇ Download {attachment.name}
    </button>
  );
}

function Sender({ message, users, selfId }: { message: Message; users: ReadonlyMap<string, User>; selfId: string | undefined }) {
  if (message.sender === 'bot') {
    return (
      <span class="msg-sender">
        <BotIcon /> Bot
      </span>
    );
  }
  if (message.sender !== 'recruiter') return null;
  const user = message.senderUserId ? users.get(message.senderUserId) : undefined;
  const name = user ? (user.id === selfId ? `${user.name} (you)` : user.name) : 'A former teammate';
  const [first = '', ...rest] = (user?.name ?? '?').split(' ');
  return (
    <span class="msg-sender">
      <Avatar firstName={first} lastName={rest.join(' ')} photo={user?.avatar} seed={user?.id ?? 'x'} size={16} /> {name}
    </span>
  );
}

/** One message bubble with its channel, time, sender and status beneath. */
export function MessageRow({ message, users, selfId }: { message: Message; users: ReadonlyMap<string, User>; selfId: string | undefined }) {
  const outbound = message.direction === 'outbound';
  const status = STATUS_LABELS[message.status] ?? message.status;
  return (
    <div class={`msg ${outbound ? 'msg-out' : 'msg-in'}`}>
      <div class="msg-bubble">
        {message.channel === 'email' && message.subject && (
          <p class="msg-subject" dir="auto">
            <span class="muted">Subject:</span> {message.subject}
          </p>
        )}
        {/* Text nodes only: bodies with HTML, scripts or RTL text show as written (dir="auto"). */}
        {message.body && (
          <p class="msg-body" dir="auto">
            {message.body}
          </p>
        )}
        {message.attachments.map((a) => (
          <AttachmentView key={a.id} message={message} attachment={a} />
        ))}
      </div>
      <div class="msg-meta small muted">
        <ChannelIcon channel={message.channel} />
        <time dateTime={new Date(message.sentAt).toISOString()} title={fullFormat.format(message.sentAt)}>
          {timeFormat.format(message.sentAt)}
        </time>
        {outbound && <Sender message={message} users={users} selfId={selfId} />}
        {outbound && (
          <span class={`msg-status status-${message.status}`}>
            {message.status === 'failed' ? `Failed${message.failureReason ? `: ${message.failureReason}` : ''}` : status}
          </span>
        )}
      </div>
    </div>
  );
}
