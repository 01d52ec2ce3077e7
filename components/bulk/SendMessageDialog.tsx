import { useEffect, useRef, useState } from 'preact/hooks';
import type { Channel, Id } from '../../lib/domain/model';
import { can } from '../../lib/domain/permissions';
import { describeTokenProblems, templateProblems } from '../../lib/chat/tokens';
import { describeError, UserError } from '../../lib/db/errors';
import {
  CHANNEL_LABELS,
  fullName,
  MAX_MESSAGE_LENGTH,
  prepareMessage,
  roleRefusal,
  SENDABLE_CHANNELS,
  unreachableReason,
} from '../../lib/db/mutations/messages';
import { bulkSendQueueItem } from '../../lib/platform/storage';
import type { AppState } from '../app/state';
import { handOff } from '../chat/composer/handoff';
import { TokenPicker } from '../chat/composer/TokenPicker';
import { Dialog } from '../ui/Dialog';

interface Recipient {
  candidateId: Id;
  /** The first selected lead of theirs: its campaign fills {{campaign_name}}. */
  leadId: Id;
  name: string;
  /** The text as they will get it. */
  text: string;
}

interface Skip {
  name: string;
  reason: string;
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'saved'; saved: SavedQueue }
  | { kind: 'compose' }
  | { kind: 'review'; ready: Recipient[]; skipped: Skip[] }
  | { kind: 'queue'; ready: Recipient[]; skipped: Skip[]; next: number; sent: number; note: string | null }
  | { kind: 'done'; sent: number; skipped: Skip[]; cancelled: boolean; total: number };

/**
 * An unfinished send queue, kept while the browser runs so closing the panel mid-queue loses
 * nothing: reopening "Send message…" offers to resume at the same candidate. Session storage,
 * not a Job row: a queue only moves by the recruiter's clicks (each hand-off opens a tab), so
 * there is nothing for the service worker's job runner to run, and the job history would show a
 * job it cannot resume. Written after each hand-off is logged; if the panel closes between the
 * two, the resumed queue offers that candidate again and the Duplicate Message guard refuses
 * the repeat, so nobody gets the text twice.
 */
interface SavedQueue {
  version: 1;
  channel: Channel;
  text: string;
  subject: string;
  ready: Recipient[];
  skipped: Skip[];
  next: number;
  sent: number;
  /** Candidates the send was for (ready + skipped at review), for the final summary. */
  total: number;
}


function isSavedQueue(value: unknown): value is SavedQueue {
  if (typeof value !== 'object' || value === null) return false;
  const q = value as Partial<SavedQueue>;
  return (
    q.version === 1 &&
    (SENDABLE_CHANNELS as readonly unknown[]).includes(q.channel) &&
    typeof q.text === 'string' &&
    Array.isArray(q.ready) &&
    Array.isArray(q.skipped) &&
    typeof q.next === 'number' &&
    typeof q.sent === 'number' &&
    q.next >= 0 &&
    q.next < q.ready.length
  );
}

async function loadSavedQueue(): Promise<SavedQueue | null> {
  try {
    const value = await bulkSendQueueItem.getValue();
    return isSavedQueue(value) ? value : null;
  } catch (error) {
    console.warn('Leadside: the saved send queue is unreadable', error);
    return null;
  }
}

function saveQueue(queue: SavedQueue | null): void {
  const write = queue ? bulkSendQueueItem.setValue(queue) : bulkSendQueueItem.removeValue();
  write.catch((error: unknown) => console.warn('Leadside: could not keep the send queue for later', error));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * Bulk "Send message": one text with tokens, rendered per candidate, one message per person
 * however many of their leads are selected. Candidates without the channel's contact, marked Do
 * not contact, or for whom it would be a Duplicate Message are skipped and listed. In local mode
 * a send queue then walks the recruiter through the hand-offs one by one; each is logged when
 * its link was opened.
 */
export function SendMessageDialog({ state, onClose }: { state: AppState; onClose: () => void }) {
  const [phase, setPhaseState] = useState<Phase>({ kind: 'loading' });
  const [total, setTotal] = useState(0);
  const [channel, setChannel] = useState<Channel>('whatsapp');
  const [text, setText] = useState('');
  const [subject, setSubject] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const actor = state.actor.value;
  const allowed = can(actor, 'lead.message') && can(actor, 'bulk.run');

  // One recipient per candidate, in selection order; the first of their selected leads.
  const [people] = useState(() => {
    const byCandidate = new Map<Id, Id>();
    for (const id of state.selection.value) {
      const entry = state.live.index.get(id);
      if (entry && !byCandidate.has(entry.candidate.id)) byCandidate.set(entry.candidate.id, id);
    }
    return [...byCandidate].map(([candidateId, leadId]) => ({ candidateId, leadId }));
  });

  useEffect(() => {
    let live = true;
    void loadSavedQueue().then((saved) => {
      if (live) setPhaseState(saved ? { kind: 'saved', saved } : { kind: 'compose' });
    });
    return () => {
      live = false;
    };
  }, []);

  /** Changes the phase and keeps the stored queue in step: kept while sending, gone after. */
  const setPhase = (next: Phase) => {
    setPhaseState(next);
    if (next.kind === 'queue') {
      saveQueue({ version: 1, channel, text, subject, ready: next.ready, skipped: next.skipped, next: next.next, sent: next.sent, total });
    } else if (next.kind === 'done') {
      saveQueue(null);
    }
  };

  const resume = (saved: SavedQueue) => {
    setChannel(saved.channel);
    setText(saved.text);
    setSubject(saved.subject);
    setTotal(saved.total);
    const done = saved.next;
    setPhaseState({
      kind: 'queue',
      ready: saved.ready,
      skipped: saved.skipped,
      next: saved.next,
      sent: saved.sent,
      note: `Resumed where you left off: ${done.toLocaleString('en')} of ${saved.ready.length.toLocaleString('en')} done.`,
    });
  };

  const discard = () => {
    saveQueue(null);
    setPhaseState({ kind: 'compose' });
  };

  const problems = (() => {
    const p = templateProblems(text);
    return describeTokenProblems({ unknown: p.unknown, missing: [], broken: p.broken });
  })();

  const review = async () => {
    const self = state.self.value;
    if (!self) return;
    setBusy(true);
    setError(null);
    const ready: Recipient[] = [];
    const skipped: Skip[] = [];
    try {
      for (const p of people) {
        const candidate = await state.db.candidates.get(p.candidateId);
        if (!candidate) continue;
        const name = fullName(candidate);
        const reason = unreachableReason(candidate, channel);
        if (reason) {
          skipped.push({ name, reason });
          continue;
        }
        try {
          const prepared = await prepareMessage(state.db, self.id, {
            candidateId: p.candidateId,
            leadId: p.leadId,
            channel,
            body: text,
            ...(channel === 'email' && subject.trim() ? { subject } : {}),
          });
          ready.push({ ...p, name, text: prepared.text });
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
          skipped.push({ name, reason: candidate.doNotContact ? 'Do not contact' : e.message.startsWith('Duplicate Message') ? 'Duplicate Message' : e.message });
        }
      }
      setTotal(people.length);
      setPhase({ kind: 'review', ready, skipped });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const next = async () => {
    if (phase.kind !== 'queue') return;
    const r = phase.ready[phase.next];
    if (!r) return;
    setBusy(true);
    const outcome = await handOff(state, {
      candidateId: r.candidateId,
      leadId: r.leadId,
      channel,
      body: text,
      ...(channel === 'email' && subject.trim() ? { subject } : {}),
    });
    setBusy(false);
    const skipped = outcome.ok ? phase.skipped : [...phase.skipped, { name: r.name, reason: outcome.error }];
    const sent = phase.sent + (outcome.ok ? 1 : 0);
    const at = phase.next + 1;
    if (at >= phase.ready.length) {
      setPhase({ kind: 'done', sent, skipped, cancelled: false, total });
      state.selection.value = new Set();
    } else {
      setPhase({ ...phase, next: at, sent, skipped, note: outcome.ok ? `${r.name}: ${outcome.note}` : `${r.name}: ${outcome.error}` });
    }
  };

  const cancel = () => {
    if (phase.kind === 'queue') setPhase({ kind: 'done', sent: phase.sent, skipped: phase.skipped, cancelled: true, total });
    else onClose();
  };

  const skippedList = (skipped: Skip[]) =>
    skipped.length > 0 && (
      <>
        <p>Skipped {plural(skipped.length, 'candidate')}:</p>
        <ul class="skipped-list" aria-label="Skipped candidates">
          {skipped.map((s, i) => (
            <li key={i}>
              {s.name} — {s.reason}
            </li>
          ))}
        </ul>
      </>
    );

  return (
    <Dialog title="Send message" onClose={cancel}>
      {phase.kind === 'loading' && <p class="muted">Loading…</p>}
      {phase.kind === 'saved' && (
        <div class="send-queue">
          <p role="status">
            An unfinished send by {CHANNEL_LABELS[phase.saved.channel]}: {phase.saved.next.toLocaleString('en')} of{' '}
            {phase.saved.ready.length.toLocaleString('en')} handed off.
          </p>
          <p>
            Next: <strong>{phase.saved.ready[phase.saved.next]?.name}</strong>
          </p>
          <div class="dialog-actions">
            <button type="button" onClick={discard}>
              Discard it
            </button>
            <button type="button" class="primary" onClick={() => resume(phase.saved)}>
              Resume sending
            </button>
          </div>
        </div>
      )}
      {phase.kind === 'compose' && (
        <form
          class="quick-reply-form"
          onSubmit={(e) => {
            e.preventDefault();
            void review();
          }}
        >
          <p>
            To {plural(people.length, 'candidate')} (one message each, however many of their applications are selected).
          </p>
          {!allowed && <p class="form-error">{roleRefusal('lead.message')}</p>}
          <div class="channel-choice" role="radiogroup" aria-label="Channel">
            {SENDABLE_CHANNELS.map((c) => (
              <label key={c} class="inline">
                <input type="radio" name="bulk-channel" checked={channel === c} onChange={() => setChannel(c)} />
                {CHANNEL_LABELS[c]}
              </label>
            ))}
          </div>
          {channel === 'email' && (
            <label>
              Subject
              <input value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
            </label>
          )}
          <label>
            Message
            <textarea
              ref={area}
              rows={5}
              value={text}
              maxLength={MAX_MESSAGE_LENGTH}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          <TokenPicker
            onInsert={(token) => {
              const el = area.current;
              const start = el?.selectionStart ?? text.length;
              const end = el?.selectionEnd ?? text.length;
              setText(text.slice(0, start) + token + text.slice(end));
            }}
          />
          {problems.length > 0 && (
            <ul class="token-errors" role="alert">
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
          <div class="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" class="primary" disabled={busy || !allowed || !text.trim() || problems.length > 0 || people.length === 0}>
              Review recipients
            </button>
          </div>
        </form>
      )}
      {phase.kind === 'review' && (
        <div class="send-queue">
          <p role="status">
            {plural(phase.ready.length, 'message')} ready by {CHANNEL_LABELS[channel]}; {plural(phase.skipped.length, 'candidate')} skipped.
          </p>
          {skippedList(phase.skipped)}
          <p class="muted small">Each message opens {CHANNEL_LABELS[channel]} for you to send; it is logged once its link opens.</p>
          <div class="dialog-actions">
            <button type="button" onClick={() => setPhase({ kind: 'compose' })}>
              Back
            </button>
            <button
              type="button"
              class="primary"
              disabled={phase.ready.length === 0}
              onClick={() => setPhase({ kind: 'queue', ready: phase.ready, skipped: phase.skipped, next: 0, sent: 0, note: null })}
            >
              Start sending
            </button>
          </div>
        </div>
      )}
      {phase.kind === 'queue' && (
        <div class="send-queue">
          <progress aria-label="Send progress" max={phase.ready.length} value={phase.next} />
          <p role="status">
            {phase.next.toLocaleString('en')} of {phase.ready.length.toLocaleString('en')} handed off
          </p>
          {phase.note && <p class="muted small">{phase.note}</p>}
          <p>
            Next: <strong>{phase.ready[phase.next]?.name}</strong>
          </p>
          <section class="composer-preview" role="region" aria-label="Preview">
            <p class="preview-text">{phase.ready[phase.next]?.text}</p>
          </section>
          <div class="dialog-actions">
            <button type="button" onClick={cancel}>
              Cancel
            </button>
            <button type="button" class="primary" disabled={busy} onClick={() => void next()}>
              Next candidate
            </button>
          </div>
        </div>
      )}
      {phase.kind === 'done' && (
        <div class="send-queue">
          <p role="status">
            {phase.cancelled ? 'Cancelled. ' : ''}
            {plural(phase.sent, 'message')} handed off and logged; {plural(phase.skipped.length, 'candidate')} skipped.
          </p>
          {skippedList(phase.skipped)}
          <div class="dialog-actions">
            <button type="button" class="primary" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
