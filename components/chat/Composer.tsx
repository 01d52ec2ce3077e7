import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Attachment, Channel, QuickReply } from '../../lib/domain/model';
import { can } from '../../lib/domain/permissions';
import { smsCount } from '../../lib/chat/sms';
import { describeTokenProblems, renderTokens } from '../../lib/chat/tokens';
import { newId } from '../../lib/db/mutate';
import {
  attachmentProblem,
  CHANNEL_LABELS,
  doNotContactReason,
  formatBytes,
  MAX_ATTACHMENTS,
  MAX_MESSAGE_LENGTH,
  roleRefusal,
  unreachableReason,
} from '../../lib/db/mutations/messages';
import { downloadBlob } from '../../lib/platform/open-link';
import type { AppState } from '../app/state';
import { ChannelChoice } from './composer/ChannelChoice';
import { defaultChannel, useComposerData, type ComposerData } from './composer/data';
import { EmojiPicker } from './composer/EmojiPicker';
import { adoptLegacyGmailChoice, handOff, setEmailHandoff } from './composer/handoff';
import { TokenPicker } from './composer/TokenPicker';
import { ManageQuickReplies } from './quick-replies/ManageQuickReplies';
import { filterQuickReplies, listKey, QuickReplyList } from './quick-replies/QuickReplyList';
import { InsertIntoPage } from './quick-replies/InsertIntoPage';

/** The composer: text with tokens and a live preview, quick replies, emoji, files, channel, Send. */
export function Composer({ state, candidateId, leadId }: { state: AppState; candidateId: string; leadId?: string }) {
  const data = useComposerData(state, candidateId, leadId);
  if (data === 'loading') return <p class="muted composer">Loading…</p>;
  if (!data) return <p class="muted composer">This candidate no longer exists.</p>;
  return <ComposerForm key={candidateId} state={state} data={data} leadId={leadId} />;
}

type Picker = { via: 'slash' | 'button'; query: string; active: number } | null;

function ComposerForm({ state, data, leadId }: { state: AppState; data: ComposerData; leadId: string | undefined }) {
  const candidate = data.candidate;
  const [text, setText] = useState('');
  const [subject, setSubject] = useState('');
  const [channel, setChannel] = useState<Channel>(() => defaultChannel(data));
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [downloads, setDownloads] = useState<Attachment[]>([]);
  const [picker, setPicker] = useState<Picker>(null);
  const [manage, setManage] = useState(false);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);
  const ids = useId();

  const actor = state.actor.value;
  const gmail = state.settings.value.emailHandoff === 'gmail';
  const mayMessage = can(actor, 'lead.message');
  const mayUseReplies = can(actor, 'quickReply.use');
  const mayManage = can(actor, 'quickReply.manage');
  const dnc = doNotContactReason(candidate);
  const unreachable = unreachableReason(candidate, channel);
  const blocked = dnc !== null || !mayMessage;

  // The old Gmail flag matters only for email, so it is adopted when email is chosen: the
  // panel's first localStorage read blocks on the browser (40–190 ms measured while a chat with
  // 10,000 messages opened), and opening a chat must not wait for it.
  const email = channel === 'email';
  useEffect(() => {
    if (email) void adoptLegacyGmailChoice(state);
  }, [state, email]);

  // Put the caret back where an insertion left it, once the new text is rendered — before the
  // browser paints: an after-paint effect ran late on a loaded machine and collapsed a selection
  // made meanwhile (select-all then Delete left the chosen reply in place).
  useLayoutEffect(() => {
    if (caret.current === null || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const render = renderTokens(text, data.values);
  const subjectRender = channel === 'email' && subject ? renderTokens(subject, data.values) : null;
  const problems = [...describeTokenProblems(render), ...(subjectRender ? describeTokenProblems(subjectRender).map((p) => `Subject: ${p}`) : [])];
  const empty = !text.trim() && attachments.length === 0;
  const canSend = !blocked && !busy && !empty && problems.length === 0 && unreachable === null;
  const sms = channel === 'sms' ? smsCount(render.text) : null;

  const replies = filterQuickReplies(data.quickReplies, picker?.query ?? '');

  const insert = (snippet: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + snippet + text.slice(end));
    caret.current = start + snippet.length;
  };

  const choose = (reply: QuickReply) => {
    setText(reply.body);
    setPicker(null);
    setError(null);
    caret.current = reply.body.length;
  };

  const addFiles = (files: readonly File[]) => {
    const added: Attachment[] = [];
    for (const file of files) {
      const problem = attachmentProblem(file);
      if (problem) {
        setError(problem);
        continue;
      }
      if (attachments.length + added.length >= MAX_ATTACHMENTS) {
        setError(`At most ${MAX_ATTACHMENTS} attachments per message.`);
        break;
      }
      added.push({ id: newId(), name: file.name, type: file.type || 'application/octet-stream', size: file.size, blob: file.slice(0, file.size, file.type) });
    }
    if (added.length > 0) setAttachments([...attachments, ...added]);
  };

  const send = async () => {
    if (!canSend) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    const sent = attachments;
    const outcome = await handOff(state, {
      candidateId: candidate.id,
      ...(leadId ? { leadId } : {}),
      channel,
      body: text,
      ...(channel === 'email' && subject.trim() ? { subject } : {}),
      attachments: sent,
    });
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setText('');
    setSubject('');
    setAttachments([]);
    setDownloads(sent);
    setNotice(outcome.note);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (picker?.via === 'slash') {
      const action = listKey(e.key, picker.active, replies.length);
      if (action) {
        e.preventDefault();
        if (action.kind === 'move') setPicker({ ...picker, active: action.to });
        else if (action.kind === 'close') setPicker(null);
        else if (replies[picker.active]) choose(replies[picker.active]!);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  };

  const onInput = (value: string) => {
    setText(value);
    setError(null);
    const slash = mayUseReplies ? /^\/(\S*)$/.exec(value) : null;
    if (slash) setPicker({ via: 'slash', query: slash[1] ?? '', active: 0 });
    else if (picker?.via === 'slash') setPicker(null);
  };

  const onPaste = (e: ClipboardEvent) => {
    const files = Array.from(e.clipboardData?.files ?? []);
    if (files.length > 0) {
      e.preventDefault();
      addFiles(files);
      return;
    }
    const pasted = e.clipboardData?.getData('text/plain') ?? '';
    const el = area.current;
    const replaced = el ? el.selectionEnd - el.selectionStart : 0;
    if (text.length - replaced + pasted.length > MAX_MESSAGE_LENGTH) {
      e.preventDefault();
      setError(
        `That paste is ${formatBytes(new Blob([pasted]).size)} (${pasted.length.toLocaleString('en')} characters); ` +
          `a message holds at most ${MAX_MESSAGE_LENGTH.toLocaleString('en')} characters. Nothing was pasted.`,
      );
    }
  };

  const pickerOpen = picker !== null;
  const listId = `${ids}-qr`;

  return (
    <section
      class={`composer${dragging ? ' dragging' : ''}`}
      aria-label="Composer"
      onDragOver={(e) => {
        if (blocked) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        setDragging(false);
        if (blocked) return;
        e.preventDefault();
        addFiles(Array.from(e.dataTransfer?.files ?? []));
      }}
    >
      {dnc && (
        <p class="dnc-note" role="note">
          {dnc}
        </p>
      )}
      {!mayMessage && <p class="dnc-note">{roleRefusal('lead.message')}</p>}
      <ChannelChoice candidate={candidate} value={channel} onChange={setChannel} disabled={blocked} />
      {channel === 'email' && (
        <div class="composer-email">
          <label>
            Subject
            <input value={subject} disabled={blocked} maxLength={300} onInput={(e) => setSubject(e.currentTarget.value)} />
          </label>
          <label class="inline">
            <input
              type="checkbox"
              checked={gmail}
              onChange={(e) => void setEmailHandoff(state, e.currentTarget.checked ? 'gmail' : 'mailto')}
            />
            Open in Gmail
          </label>
          <span class="muted small">Remembered for every email; also in Leadside settings.</span>
        </div>
      )}
      <div class="composer-tools">
        <div class="menu-anchor">
          <button
            type="button"
            class="icon-button"
            aria-label="Quick replies"
            title={mayUseReplies ? 'Quick replies (or type / at the start)' : roleRefusal('quickReply.use')}
            aria-haspopup="listbox"
            aria-expanded={pickerOpen}
            disabled={blocked || !mayUseReplies}
            onClick={() => setPicker(pickerOpen ? null : { via: 'button', query: '', active: 0 })}
          >
            ▾
          </button>
          {picker && (
            <div
              class="popover composer-popover quick-reply-picker"
              role="dialog"
              aria-label="Choose a quick reply"
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setPicker(null);
                  area.current?.focus();
                }
              }}
            >
              {picker.via === 'button' && (
                <input
                  type="search"
                  aria-label="Search quick replies"
                  placeholder="Search quick replies"
                  autoFocus
                  role="combobox"
                  aria-controls={listId}
                  aria-expanded="true"
                  aria-activedescendant={replies.length > 0 ? `${listId}-${picker.active}` : undefined}
                  value={picker.query}
                  onInput={(e) => setPicker({ ...picker, query: e.currentTarget.value, active: 0 })}
                  onKeyDown={(e) => {
                    const action = listKey(e.key, picker.active, replies.length);
                    if (!action || action.kind === 'close') return;
                    e.preventDefault();
                    if (action.kind === 'move') setPicker({ ...picker, active: action.to });
                    else if (replies[picker.active]) choose(replies[picker.active]!);
                  }}
                />
              )}
              <QuickReplyList
                id={listId}
                replies={replies}
                active={picker.active}
                onChoose={choose}
                onHover={(i) => setPicker({ ...picker, active: i })}
              />
              <div class="quick-reply-foot">
                <InsertIntoPage reply={replies[picker.active]} />
                <button
                  type="button"
                  class="link-button"
                  disabled={!mayManage}
                  aria-describedby={mayManage ? undefined : `${ids}-manage-why`}
                  onClick={() => {
                    setPicker(null);
                    setManage(true);
                  }}
                >
                  Manage quick replies
                </button>
                {!mayManage && (
                  <span id={`${ids}-manage-why`} class="muted small">
                    {roleRefusal('quickReply.manage')}
                  </span>
                )}
              </div>
            </div>
          )}
        </div>
        <TokenPicker onInsert={insert} disabled={blocked} />
        <EmojiPicker onInsert={insert} disabled={blocked} />
        <button type="button" disabled={blocked} onClick={() => fileInput.current?.click()}>
          Attach file
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          class="sr-only"
          tabIndex={-1}
          aria-label="Choose files to attach"
          onChange={(e) => {
            addFiles(Array.from(e.currentTarget.files ?? []));
            e.currentTarget.value = '';
          }}
        />
      </div>
      <label class="composer-text">
        <span class="sr-only">Message</span>
        <textarea
          ref={area}
          rows={3}
          value={text}
          disabled={blocked}
          placeholder={blocked ? 'Messaging is not possible' : 'Write a message — type / for quick replies'}
          aria-controls={picker?.via === 'slash' ? listId : undefined}
          aria-activedescendant={picker?.via === 'slash' && replies.length > 0 ? `${listId}-${picker.active}` : undefined}
          onInput={(e) => onInput(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
      </label>
      {attachments.length > 0 && (
        <ul class="attachment-list" aria-label="Attachments">
          {attachments.map((a) => (
            <li key={a.id}>
              <span class="ellipsis">📎 {a.name}</span> <span class="muted">{formatBytes(a.size)}</span>
              <button
                type="button"
                class="icon-button"
                aria-label={`Remove ${a.name}`}
                onClick={() => setAttachments(attachments.filter((x) => x.id !== a.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {text.trim() && (
        <section class="composer-preview" role="region" aria-label="Preview">
          {channel === 'email' && subjectRender && <p class="preview-subject">{subjectRender.text}</p>}
          <p class="preview-text">{render.text}</p>
        </section>
      )}
      {problems.length > 0 && (
        <ul class="token-errors" role="alert" aria-label="Token problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p class="composer-notice" role="status">
          {notice}
        </p>
      )}
      {downloads.length > 0 && (
        <div class="composer-downloads">
          <p class="muted small">A link cannot carry files: download them and attach them in {CHANNEL_LABELS[channel]}.</p>
          {downloads.map((a) => (
            <button key={a.id} type="button" class="link-button" disabled={!a.blob} onClick={() => a.blob && downloadBlob(a.blob, a.name)}>
              Download {a.name}
            </button>
          ))}
        </div>
      )}
      <div class="composer-foot">
        {sms && (
          <span class="muted small sms-counter" aria-label="SMS length">
            {sms.units.toLocaleString('en')} characters · {sms.segments} SMS ({sms.encoding})
          </span>
        )}
        {unreachable && !blocked && <span class="muted small">{unreachable}</span>}
        <button type="button" class="primary" disabled={!canSend} onClick={() => void send()}>
          {busy ? 'Sending…' : 'Send'}
        </button>
      </div>
      {manage && <ManageQuickReplies state={state} replies={data.quickReplies} onClose={() => setManage(false)} />}
    </section>
  );
}
