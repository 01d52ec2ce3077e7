/**
 * Inserting a quick reply into the field the recruiter is typing in, on any site (DESIGN §4).
 * One strategy per editor kind, each going through the editor's own input path so its state,
 * its framework (React, Lexical, Draft.js) and its undo history see an ordinary edit:
 *
 * - `text`: `<input>`/`<textarea>`. `execCommand('insertText')` replaces the selection, fires
 *   `beforeinput`/`input` (React's onChange sees it) and joins the field's undo stack. Where a
 *   page's field refuses it, `setRangeText` plus an `input` event does the same without undo.
 * - `plain`: a plain `contenteditable` (LinkedIn messaging, Gmail). `execCommand('insertText')`.
 * - `lexical` (WhatsApp Web, Messenger) and `draft` (older Facebook surfaces): a synthetic paste
 *   of plain text, which both editors handle through their own paste command, updating their
 *   state and history. When the editor ignores it, `execCommand('insertText')`.
 *
 * Plain text only; never into password, hidden, read-only or disabled fields, never across
 * into a frame from another origin. Runs in the injected script's isolated world: it sees the
 * page's DOM but not its JavaScript, so editors are told apart by DOM attributes only.
 */

export type EditorKind = 'text' | 'plain' | 'lexical' | 'draft';

export interface InsertTarget {
  kind: EditorKind;
  /** The `<input>`/`<textarea>`, or the contenteditable editing host. */
  element: HTMLElement;
  /** The selection when the picker opened (restored before inserting). */
  start: number | null;
  end: number | null;
  range: Range | null;
}

export type TargetResult = { ok: true; target: InsertTarget } | { ok: false; error: string };

/** Input types that hold free text (others are numbers, dates, files, buttons…). */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', '']);

export const REFUSALS = {
  none: 'Click into the text field you are writing in, then open quick replies again.',
  password: 'Leadside never inserts into password fields.',
  notText: 'This field does not take text.',
  readOnly: 'This field is read-only.',
  frame: 'This field is inside a frame from another site; Leadside leaves it alone.',
} as const;

function tag(el: Element): string {
  return el.tagName.toLowerCase();
}

/** The focused element, looking through open shadow roots and same-origin frames. */
export function deepActiveElement(doc: Document): { element: Element | null; crossOrigin: boolean } {
  let el: Element | null = doc.activeElement;
  for (let depth = 0; el && depth < 20; depth++) {
    const name = tag(el);
    if (name === 'iframe' || name === 'frame') {
      let inner: Document | null;
      try {
        inner = (el as HTMLIFrameElement).contentDocument;
      } catch {
        inner = null;
      }
      // A cross-origin frame's document is null from here: never reach into it.
      if (!inner) return { element: el, crossOrigin: true };
      el = inner.activeElement;
      continue;
    }
    const shadow = (el as HTMLElement).shadowRoot;
    if (shadow?.activeElement) {
      el = shadow.activeElement;
      continue;
    }
    break;
  }
  if (el && (tag(el) === 'body' || tag(el) === 'html')) {
    // A body in design mode, or a contenteditable body (some mail composers' iframes).
    if (!(el as HTMLElement).isContentEditable) return { element: null, crossOrigin: false };
  }
  return { element: el, crossOrigin: false };
}

/** The outermost element of the contenteditable region `el` is in. */
function editingHost(el: HTMLElement): HTMLElement {
  let host = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

export function editorKindOf(host: HTMLElement): EditorKind {
  if (host.getAttribute('data-lexical-editor') === 'true') return 'lexical';
  if (host.classList.contains('public-DraftEditor-content') || host.closest('.DraftEditor-root')) return 'draft';
  return 'plain';
}

/** The field the recruiter is in, and its selection, or why Leadside will not insert there. */
export function findTarget(doc: Document): TargetResult {
  const { element, crossOrigin } = deepActiveElement(doc);
  if (crossOrigin) return { ok: false, error: REFUSALS.frame };
  if (!element) return { ok: false, error: REFUSALS.none };
  const name = tag(element);
  if (name === 'input' || name === 'textarea') {
    const field = element as HTMLInputElement | HTMLTextAreaElement;
    if (name === 'input') {
      const type = (element.getAttribute('type') ?? '').toLowerCase();
      if (type === 'password') return { ok: false, error: REFUSALS.password };
      if (!TEXT_INPUT_TYPES.has(type)) return { ok: false, error: REFUSALS.notText };
    }
    if (field.readOnly || field.disabled) return { ok: false, error: REFUSALS.readOnly };
    return {
      ok: true,
      target: { kind: 'text', element: field, start: field.selectionStart, end: field.selectionEnd, range: null },
    };
  }
  const html = element as HTMLElement;
  if (html.isContentEditable) {
    const host = editingHost(html);
    const selection = host.ownerDocument.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
    const inside = range && host.contains(range.startContainer) && host.contains(range.endContainer) ? range : null;
    return { ok: true, target: { kind: editorKindOf(host), element: host, start: null, end: null, range: inside } };
  }
  return { ok: false, error: REFUSALS.none };
}

/** Why this text cannot go into this field as it is (maxlength), or null. */
export function insertProblem(target: InsertTarget, text: string): string | null {
  if (target.kind !== 'text') return null;
  const field = target.element as HTMLInputElement | HTMLTextAreaElement;
  const max = field.maxLength;
  if (max < 0) return null;
  const start = target.start ?? field.value.length;
  const end = target.end ?? start;
  const length = field.value.length - (end - start) + textForField(field, text).length;
  if (length <= max) return null;
  return `This field takes at most ${max.toLocaleString('en')} characters; with this reply it would hold ${length.toLocaleString('en')}.`;
}

/** An `<input>` holds one line: line breaks become spaces, as a paste into it would. */
function textForField(field: HTMLInputElement | HTMLTextAreaElement, text: string): string {
  return tag(field) === 'input' ? text.replace(/\r?\n/g, ' ') : text;
}

function nextFrame(win: Window): Promise<void> {
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}

function execInsert(doc: Document, text: string): boolean {
  try {
    // Deprecated but the only API that inserts as the user would, undo included; every
    // browser keeps it for editors. It returns false when nothing is editable at the caret.
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/** Put the caret back where it was when the picker opened, focusing the field. */
export async function restore(target: InsertTarget): Promise<void> {
  const el = target.element;
  const doc = el.ownerDocument;
  const win = doc.defaultView ?? window;
  el.focus({ preventScroll: true });
  if (target.kind === 'text') {
    const field = el as HTMLInputElement | HTMLTextAreaElement;
    if (target.start !== null && target.end !== null) field.setSelectionRange(target.start, target.end);
    return;
  }
  if (target.range) {
    const selection = doc.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(target.range);
  }
  // Lexical and Draft follow the DOM selection on `selectionchange`, which fires after this
  // task: let it run before the paste, or the editor inserts at its stale selection.
  await nextFrame(win);
}

function insertIntoField(target: InsertTarget, text: string): 'insertText' | 'setRangeText' | null {
  const field = target.element as HTMLInputElement | HTMLTextAreaElement;
  const value = textForField(field, text);
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  const expected = field.value.slice(0, start) + value + field.value.slice(end);
  execInsert(field.ownerDocument, value);
  if (field.value === expected) return 'insertText';
  // The page blocked the editing command: set the text directly and tell the framework.
  field.setRangeText(value, start, end, 'end');
  // The caret after the text, whatever the DOM made of 'end'.
  field.setSelectionRange(start + value.length, start + value.length);
  const win = field.ownerDocument.defaultView ?? window;
  field.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
  field.dispatchEvent(new win.Event('change', { bubbles: true }));
  return field.value === expected ? 'setRangeText' : null;
}

function pastePlainText(host: HTMLElement, text: string): boolean {
  const win = host.ownerDocument.defaultView ?? window;
  const data = new win.DataTransfer();
  data.setData('text/plain', text);
  const event = new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  const target = host.ownerDocument.getSelection()?.anchorNode?.parentElement ?? host;
  (host.contains(target) ? target : host).dispatchEvent(event);
  // An editor that handled the paste cancels the browser's own (it inserted the text itself).
  return event.defaultPrevented;
}

export type InsertResult = { ok: true; method: 'insertText' | 'setRangeText' | 'paste' } | { ok: false; error: string };

/** Inserts plain text at the saved caret, replacing the saved selection. */
export async function insertText(target: InsertTarget, text: string): Promise<InsertResult> {
  if (!target.element.isConnected) return { ok: false, error: 'The field is gone from the page (it may have been re-drawn). Click into it and try again.' };
  const problem = insertProblem(target, text);
  if (problem) return { ok: false, error: problem };
  await restore(target);
  const doc = target.element.ownerDocument;
  switch (target.kind) {
    case 'text': {
      const method = insertIntoField(target, text);
      return method ? { ok: true, method } : { ok: false, error: 'The page did not accept the text.' };
    }
    case 'lexical':
    case 'draft': {
      if (pastePlainText(target.element, text)) return { ok: true, method: 'paste' };
      return execInsert(doc, text) ? { ok: true, method: 'insertText' } : { ok: false, error: 'The editor did not accept the text.' };
    }
    default:
      return execInsert(doc, text) ? { ok: true, method: 'insertText' } : { ok: false, error: 'The editor did not accept the text.' };
  }
}
