/**
 * The quick-reply picker drawn into any page (issue 8): a closed shadow root near the caret,
 * built with DOM calls and `textContent` only (quick replies and candidate names are ours, but
 * nothing here is ever parsed as HTML). Type to filter by title and body, arrows and Enter to
 * choose, Escape to close; the rendered text is previewed, and a token that cannot be rendered
 * for this candidate blocks insertion until the recruiter picks the candidate or another reply.
 * No `browser.*` here: the background is reached through `PickerPort`.
 */
import { describeTokenProblems, renderTokens, type RenderResult } from '../chat/tokens';
import { fold } from '../domain/text';
import type {
  CandidateSource,
  LogChannel,
  PickerCandidate,
  PickerReply,
  QuickReplyResponses,
} from '../messaging/quick-reply-protocol';
import { insertProblem, insertText, restore, type InsertTarget, type TargetResult } from './insert';

export interface PickerPort {
  context(): Promise<QuickReplyResponses['qr:context']>;
  match(name: string): Promise<QuickReplyResponses['qr:match']>;
  search(query: string): Promise<QuickReplyResponses['qr:search']>;
  check(candidateId: string, text: string, channel: LogChannel | null): Promise<QuickReplyResponses['qr:check']>;
  log(candidateId: string, text: string, channel: LogChannel, quickReplyId: string): Promise<QuickReplyResponses['qr:log']>;
}

const HOST_TAG = 'leadside-quick-reply';
/**
 * Closed in production, so the host page's scripts cannot read quick replies or candidates out
 * of the picker; open in dev and test builds, where Playwright must reach inside to test it.
 */
const SHADOW_MODE: ShadowRootMode = import.meta.env.MODE === 'production' ? 'closed' : 'open';
const WIDTH = 380;

const STYLE = `
:host { all: initial; }
.panel { position: fixed; z-index: 2147483647; width: ${WIDTH}px; max-width: calc(100vw - 16px); box-sizing: border-box;
  background: #fff; color: #1f2328; border: 1px solid #d0d7de; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.18);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 10px; display: flex; flex-direction: column; gap: 8px; }
.head { display: flex; align-items: center; gap: 6px; }
.head h2 { font-size: 13px; margin: 0; flex: 1; }
.who { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; color: #57606a; }
.who strong { color: #1f2328; }
input { font: inherit; padding: 6px 8px; border: 1px solid #d0d7de; border-radius: 6px; width: 100%; box-sizing: border-box; }
input:focus, button:focus-visible { outline: 2px solid #1a7f37; outline-offset: 1px; }
ul { list-style: none; margin: 0; padding: 0; max-height: 180px; overflow: auto; border: 1px solid #eaeef2; border-radius: 6px; }
li { padding: 6px 8px; cursor: pointer; display: flex; flex-direction: column; }
li[aria-selected="true"] { background: #dafbe1; }
li .t { font-weight: 600; }
li .b { color: #57606a; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.empty { color: #57606a; padding: 6px 2px; }
.preview { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; border-radius: 6px; padding: 6px 8px; max-height: 120px; overflow: auto; }
.problem { color: #cf222e; }
.problem:empty, .note:empty { display: none; }
.note { color: #57606a; }
.actions { display: flex; justify-content: flex-end; gap: 6px; }
button { font: inherit; padding: 5px 10px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; color: inherit; cursor: pointer; }
button.primary { background: #1a7f37; border-color: #1a7f37; color: #fff; }
button:disabled { opacity: .5; cursor: default; }
button.link { border: none; background: none; color: #0969da; padding: 0; }
.toast { position: fixed; z-index: 2147483647; right: 16px; bottom: 16px; max-width: 360px; background: #1f2328; color: #fff;
  border-radius: 8px; padding: 8px 12px; font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
.toast.error { background: #cf222e; }
`;

const SOURCE_NOTE: Record<CandidateSource, string> = {
  page: 'from this conversation',
  panel: 'open in Leadside',
  chosen: 'chosen by you',
};

type El<K extends keyof HTMLElementTagNameMap> = HTMLElementTagNameMap[K];

function make<K extends keyof HTMLElementTagNameMap>(doc: Document, name: K, props: Partial<El<K>> = {}, ...children: (Node | string)[]): El<K> {
  const el = doc.createElement(name);
  Object.assign(el, props);
  for (const child of children) el.append(child);
  return el;
}

/** Filters by title and body, accent- and case-insensitively; every word must match. */
export function filterReplies(replies: readonly PickerReply[], query: string): PickerReply[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...replies];
  return replies.filter((r) => {
    const hay = fold(`${r.title} ${r.body}`);
    return words.every((w) => hay.includes(w));
  });
}

/** What choosing this reply for this candidate would insert, or why it cannot be inserted yet. */
export function renderFor(reply: PickerReply, candidate: PickerCandidate | null): { render: RenderResult; problem: string | null } {
  const render = renderTokens(reply.body, candidate?.values ?? {});
  if (render.ok) return { render, problem: candidate?.blocked ?? null };
  if (!candidate && render.missing.length > 0 && render.unknown.length === 0 && render.broken.length === 0) {
    return { render, problem: 'This reply names the candidate: choose who it is for first.' };
  }
  return { render, problem: describeTokenProblems(render).join(' ') };
}

let current: { close(): void; dismiss(): void } | null = null;

/** Is a picker open in this document (this frame's injected script)? */
export function isPickerOpen(): boolean {
  return current !== null;
}

/** Closes the open picker and gives the focus back to the field (the shortcut pressed again). */
export function dismissPicker(): void {
  current?.dismiss();
}

export interface OpenOptions {
  doc: Document;
  target: TargetResult;
  port: PickerPort;
}

/** Shows a short message in the page's corner (after an insert, or when nothing can be done). */
export function toast(doc: Document, message: string, kind: 'info' | 'error' = 'info'): void {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: SHADOW_MODE });
  root.append(make(doc, 'style', { textContent: STYLE }), make(doc, 'div', { className: `toast ${kind}`, role: 'status', textContent: message }));
  doc.documentElement.append(host);
  (doc.defaultView ?? window).setTimeout(() => host.remove(), kind === 'error' ? 6000 : 3000);
}

/** Where the caret is, in this (top) document's viewport coordinates. */
function caretRect(target: InsertTarget): DOMRect {
  let rect = target.range?.getBoundingClientRect();
  if (!rect || (rect.width === 0 && rect.height === 0 && rect.top === 0)) rect = target.element.getBoundingClientRect();
  // A field inside a same-origin frame: add the frames' offsets.
  let win: Window | null = target.element.ownerDocument.defaultView;
  let x = rect.left;
  let y = rect.top;
  while (win && win.frameElement) {
    const frame = win.frameElement.getBoundingClientRect();
    x += frame.left;
    y += frame.top;
    win = win.parent;
  }
  return new DOMRect(x, y, rect.width, rect.height);
}

/** Opens the picker (closing one already open). Resolves when it closes. */
export async function openPicker({ doc, target, port }: OpenOptions): Promise<void> {
  current?.close();
  const win = doc.defaultView ?? window;
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: SHADOW_MODE });
  const panel = make(doc, 'div', { className: 'panel', role: 'dialog' });
  panel.setAttribute('aria-label', 'Leadside quick replies');
  root.append(make(doc, 'style', { textContent: STYLE }), panel);

  let done: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (done = resolve));
  const close = (refocus = true) => {
    if (!host.isConnected) return;
    host.remove();
    doc.removeEventListener('mousedown', onOutside, true);
    if (current === handle) current = null;
    if (refocus && target.ok) void restore(target.target);
    done();
  };
  const handle = { close: () => close(false), dismiss: () => close(true) };
  current = handle;
  const onOutside = (event: MouseEvent) => {
    if (!event.composedPath().includes(host)) close(false);
  };

  const closeButton = make(doc, 'button', { type: 'button', textContent: 'Close' });
  closeButton.addEventListener('click', () => close());
  panel.append(make(doc, 'div', { className: 'head' }, make(doc, 'h2', { textContent: 'Quick replies' }), closeButton));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  });

  // Position: below the caret, or above it when there is no room; always on screen.
  const place = () => {
    const rect = target.ok ? caretRect(target.target) : new DOMRect(win.innerWidth / 2 - WIDTH / 2, 80, 0, 0);
    const height = panel.offsetHeight || 320;
    const below = rect.bottom + 6;
    const top = below + height <= win.innerHeight ? below : Math.max(8, rect.top - height - 6);
    panel.style.top = `${Math.round(top)}px`;
    panel.style.left = `${Math.round(Math.min(Math.max(8, rect.left), win.innerWidth - Math.min(WIDTH, win.innerWidth - 16) - 8))}px`;
  };

  doc.documentElement.append(host);
  doc.addEventListener('mousedown', onOutside, true);

  if (!target.ok) {
    panel.append(make(doc, 'p', { className: 'problem', role: 'alert', textContent: target.error }));
    place();
    closeButton.focus();
    return closed;
  }
  const field = target.target;
  const status = make(doc, 'p', { className: 'note', role: 'status', textContent: 'Loading quick replies…' });
  panel.append(status);
  place();
  closeButton.focus();

  const context = await port.context().catch((error: unknown) => ({ ok: false as const, error: String(error) }));
  if (!host.isConnected) return closed;
  if (!context.ok) {
    status.className = 'problem';
    status.setAttribute('role', 'alert');
    status.textContent = `Leadside could not load quick replies: ${context.error}`;
    return closed;
  }
  status.remove();

  let candidate = context.candidate;
  let source = context.source;
  const replies = context.replies;
  let shown: PickerReply[] = replies;
  let active = 0;

  // --- who the reply is for -----------------------------------------------------------------
  const who = make(doc, 'div', { className: 'who' });
  const change = make(doc, 'button', { type: 'button', className: 'link' });
  const search = make(doc, 'input', { type: 'search', placeholder: 'Name, email, phone or ID' });
  search.setAttribute('aria-label', 'Search candidates');
  const results = make(doc, 'ul', { id: 'lsqr-candidates', role: 'listbox', hidden: true });
  results.setAttribute('aria-label', 'Candidates');
  const searchBox = make(doc, 'div', { hidden: true }, search, results);
  let lookingFor = context.lookupName;
  let unmatched = context.unmatched;
  // The side panel's candidate when the page shows someone else: listed first when choosing.
  let suggested = context.suggested;
  const drawWho = () => {
    who.replaceChildren();
    if (lookingFor) {
      who.append(make(doc, 'span', { textContent: `Looking for ${lookingFor} in Leadside…` }));
      return;
    }
    if (candidate) {
      who.append('To: ', make(doc, 'strong', { textContent: candidate.name }), make(doc, 'span', { textContent: `(${SOURCE_NOTE[source ?? 'chosen']})` }));
      change.textContent = 'Change';
    } else {
      who.append(
        make(doc, 'span', { textContent: unmatched ? `${unmatched} (this conversation) is not in Leadside.` : 'No candidate found for this conversation.' }),
      );
      change.textContent = 'Choose candidate';
    }
    change.setAttribute('aria-label', candidate ? 'Change candidate' : 'Choose candidate');
    who.append(change);
  };
  drawWho();
  panel.append(who, searchBox);

  // --- the replies --------------------------------------------------------------------------
  const filter = make(doc, 'input', { type: 'text', placeholder: 'Filter quick replies', autocomplete: 'off' });
  filter.setAttribute('role', 'combobox');
  filter.setAttribute('aria-label', 'Filter quick replies');
  filter.setAttribute('aria-controls', 'lsqr-list');
  filter.setAttribute('aria-expanded', 'true');
  filter.setAttribute('aria-autocomplete', 'list');
  const list = make(doc, 'ul', { id: 'lsqr-list', role: 'listbox' });
  list.setAttribute('aria-label', 'Quick replies');
  const previewLabel = make(doc, 'div', { className: 'note', textContent: 'Preview' });
  const preview = make(doc, 'div', { className: 'preview', id: 'lsqr-preview' });
  preview.setAttribute('role', 'region');
  preview.setAttribute('aria-label', 'Preview');
  const problem = make(doc, 'p', { className: 'problem', role: 'alert' });
  const note = make(doc, 'p', { className: 'note' });
  const insert = make(doc, 'button', { type: 'button', className: 'primary', textContent: 'Insert' });
  const cancel = make(doc, 'button', { type: 'button', textContent: 'Cancel' });
  cancel.addEventListener('click', () => close());
  panel.append(filter, list, previewLabel, preview, problem, note, make(doc, 'div', { className: 'actions' }, cancel, insert));

  if (context.logging && context.channel) note.textContent = 'Inserted replies are logged in the candidate’s history.';

  const selected = (): PickerReply | undefined => shown[active];
  const drawPreview = () => {
    const reply = selected();
    insert.disabled = !reply;
    problem.textContent = '';
    if (!reply) {
      preview.textContent = '';
      return;
    }
    const { render, problem: why } = renderFor(reply, candidate);
    preview.textContent = render.text;
    if (lookingFor) insert.disabled = true;
    if (why && !lookingFor) {
      problem.textContent = why;
      insert.disabled = true;
    }
  };
  const drawList = () => {
    list.replaceChildren();
    if (shown.length === 0) {
      list.append(make(doc, 'li', { className: 'empty', textContent: replies.length === 0 ? 'No quick replies yet: create them in Leadside’s chat.' : 'No quick reply matches.' }));
      filter.removeAttribute('aria-activedescendant');
    }
    shown.forEach((reply, i) => {
      const li = make(doc, 'li', { id: `lsqr-${i}`, role: 'option' }, make(doc, 'span', { className: 't', textContent: reply.title }), make(doc, 'span', { className: 'b', textContent: reply.body }));
      li.setAttribute('aria-selected', String(i === active));
      li.addEventListener('mousedown', (e) => e.preventDefault());
      li.addEventListener('click', () => {
        active = i;
        void choose();
      });
      list.append(li);
    });
    if (shown.length > 0) {
      filter.setAttribute('aria-activedescendant', `lsqr-${active}`);
      list.children[active]?.scrollIntoView({ block: 'nearest' });
    }
    drawPreview();
  };
  const move = (delta: number) => {
    if (shown.length === 0) return;
    active = (active + delta + shown.length) % shown.length;
    drawList();
  };

  filter.addEventListener('input', () => {
    problem.textContent = '';
    shown = filterReplies(replies, filter.value);
    active = 0;
    drawList();
  });
  filter.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') move(-1);
    else if (event.key === 'Home' && event.ctrlKey) move(-active);
    else if (event.key === 'Enter') void choose();
    else return;
    event.preventDefault();
  });

  // --- choosing the candidate ---------------------------------------------------------------
  let found: PickerCandidate[] = [];
  let foundActive = 0;
  let searchTimer = 0;
  const drawResults = () => {
    results.replaceChildren();
    results.hidden = false;
    if (found.length === 0) {
      results.append(make(doc, 'li', { className: 'empty', textContent: search.value.trim() ? 'No candidate matches.' : 'Type to search.' }));
      search.removeAttribute('aria-activedescendant');
      return;
    }
    found.forEach((c, i) => {
      const li = make(doc, 'li', { id: `lsqr-c${i}`, role: 'option' }, make(doc, 'span', { className: 't', textContent: c.name }), make(doc, 'span', { className: 'b', textContent: c.detail }));
      li.setAttribute('aria-selected', String(i === foundActive));
      li.addEventListener('mousedown', (e) => e.preventDefault());
      li.addEventListener('click', () => pick(c));
      results.append(li);
    });
    search.setAttribute('aria-activedescendant', `lsqr-c${foundActive}`);
  };
  const pick = (c: PickerCandidate) => {
    candidate = c;
    source = 'chosen';
    searchBox.hidden = true;
    drawWho();
    drawPreview();
    filter.focus();
  };
  change.addEventListener('click', () => {
    searchBox.hidden = !searchBox.hidden;
    if (!searchBox.hidden) {
      found = suggested ? [{ ...suggested, detail: ['Open in Leadside', suggested.detail].filter(Boolean).join(' · ') }] : [];
      foundActive = 0;
      drawResults();
      search.focus();
    }
  });
  search.addEventListener('input', () => {
    win.clearTimeout(searchTimer);
    searchTimer = win.setTimeout(() => {
      const query = search.value.trim();
      if (!query) {
        found = [];
        drawResults();
        return;
      }
      void port.search(query).then((answer) => {
        if (search.value.trim() !== query) return;
        found = answer.ok ? answer.candidates : [];
        foundActive = 0;
        drawResults();
        if (!answer.ok) problem.textContent = answer.error;
      });
    }, 120);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && found.length) foundActive = (foundActive + 1) % found.length;
    else if (event.key === 'ArrowUp' && found.length) foundActive = (foundActive - 1 + found.length) % found.length;
    else if (event.key === 'Enter') {
      const c = found[foundActive];
      if (c) pick(c);
    } else return;
    event.preventDefault();
    if (event.key !== 'Enter') drawResults();
  });

  // --- inserting ----------------------------------------------------------------------------
  let inserting = false;
  const choose = async () => {
    const reply = selected();
    if (!reply || inserting || lookingFor) return;
    const { render, problem: why } = renderFor(reply, candidate);
    if (why) {
      problem.textContent = why;
      return;
    }
    inserting = true;
    insert.disabled = true;
    try {
      const text = render.text;
      const tooLong = insertProblem(field, text);
      if (tooLong) {
        problem.textContent = tooLong;
        return;
      }
      if (candidate) {
        const verdict = await port.check(candidate.id, text, context.channel);
        if (!verdict.ok) {
          problem.textContent = verdict.error;
          return;
        }
      }
      close(false);
      const result = await insertText(field, text);
      if (!result.ok) {
        toast(doc, result.error, 'error');
        return;
      }
      if (candidate && context.logging && context.channel) {
        const logged = await port.log(candidate.id, text, context.channel, reply.id).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
        if (!logged.ok) toast(doc, `Inserted, but not logged in Leadside: ${logged.error}`, 'error');
      }
    } finally {
      inserting = false;
      // Keep a refusal on screen: the recruiter edits the field or picks another reply.
      insert.disabled = Boolean(problem.textContent);
    }
  };
  insert.addEventListener('click', () => void choose());

  const pre = context.preselect ? replies.findIndex((r) => r.id === context.preselect) : -1;
  if (pre >= 0) active = pre;
  drawList();
  place();
  filter.focus();
  performance.mark('leadside:quick-reply-shown');
  const autoInsert = () => {
    if (pre >= 0 && !renderFor(replies[pre]!, candidate).problem) void choose();
  };
  if (lookingFor) {
    void port.match(lookingFor).then((found) => {
      if (!host.isConnected) return;
      performance.mark('leadside:quick-reply-matched');
      lookingFor = null;
      if (found.ok && found.candidate && !candidate) {
        candidate = found.candidate;
        source = found.source;
      } else if (found.ok && !candidate) {
        unmatched = found.unmatched;
        suggested = found.suggested;
      }
      drawWho();
      drawPreview();
      autoInsert();
    });
  } else autoInsert();
  return closed;
}

