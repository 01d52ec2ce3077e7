import { useRef, useState } from 'preact/hooks';
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
  | { kind: 'compose' }
  | { kind: 'review'; ready: Recipient[]; skipped: Skip[] }
  | { kind: 'queue'; ready: Recipient[]; skipped: Skip[]; next: number; sent: number; note: string | null }
  | { kind: 'done'; sent: number; skipped: Skip[]; cancelled: boolean; total: number };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * Bulk "Send message": one text with tokens, rendered per candidate, one message per person
 * however many of their leads are selected. Candidates without the channel's contact, marked Do
 * not contact, or for whom it would be a Duplicate Message are skipped and listed. In local mode
 * a send queue then walks the recruiter through the hand-offs one by one; each is logged when
 * its link was opened.
 */
export function SendMessageDialog({ state, onClose }: { state: AppState; onClose: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'compose' });
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
      setPhase({ kind: 'done', sent, skipped, cancelled: false, total: people.length });
      state.selection.value = new Set();
    } else {
      setPhase({ ...phase, next: at, sent, skipped, note: outcome.ok ? `${r.name}: ${outcome.note}` : `${r.name}: ${outcome.error}` });
    }
  };

  const cancel = () => {
    if (phase.kind === 'queue') setPhase({ kind: 'done', sent: phase.sent, skipped: phase.skipped, cancelled: true, total: people.length });
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
