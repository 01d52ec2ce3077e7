// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { editorKindOf, findTarget, insertProblem, insertText, REFUSALS } from './insert';

// The live happy-dom document (focus and selection need a window); lib/ code gets it passed in.
const doc = window.document;

afterEach(() => {
  doc.body.replaceChildren();
});

/** Puts this markup into the live document's body (parsed, never assigned as innerHTML). */
function mount(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  doc.body.replaceChildren(...Array.from(parsed.body.childNodes, (n) => doc.importNode(n, true)));
}

function focus(html: string, selector: string): HTMLElement {
  mount(html);
  const el = doc.querySelector<HTMLElement>(selector)!;
  el.focus();
  return el;
}

describe('findTarget', () => {
  it('asks for a field when nothing editable has the focus', () => {
    mount('<button>Go</button>');
    doc.querySelector('button')!.focus();
    expect(findTarget(doc)).toEqual({ ok: false, error: REFUSALS.none });
  });

  it('refuses password, non-text, read-only and disabled fields', () => {
    focus('<input type="password">', 'input');
    expect(findTarget(doc)).toEqual({ ok: false, error: REFUSALS.password });
    focus('<input type="number">', 'input');
    expect(findTarget(doc)).toEqual({ ok: false, error: REFUSALS.notText });
    focus('<textarea readonly></textarea>', 'textarea');
    expect(findTarget(doc)).toEqual({ ok: false, error: REFUSALS.readOnly });
  });

  it('takes a textarea or text input with its selection', () => {
    const area = focus('<textarea>Hello world</textarea>', 'textarea') as HTMLTextAreaElement;
    area.setSelectionRange(6, 11);
    const found = findTarget(doc);
    expect(found.ok && found.target).toMatchObject({ kind: 'text', element: area, start: 6, end: 11 });
    focus('<input type="email">', 'input');
    expect(findTarget(doc).ok).toBe(true);
  });

  it('finds the field inside an open shadow root', () => {
    mount('<div id="host"></div>');
    const root = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    const area = doc.createElement('textarea');
    root.append(area);
    area.focus();
    const found = findTarget(doc);
    expect(found.ok && found.target.element).toBe(area);
  });
});

describe('editorKindOf', () => {
  it('tells Lexical, Draft.js and plain contenteditables apart by their DOM attributes', () => {
    mount(`
      <div id="lex" contenteditable="true" data-lexical-editor="true"></div>
      <div class="DraftEditor-root"><div id="draft" class="public-DraftEditor-content" contenteditable="true"></div></div>
      <div id="plain" contenteditable="true"></div>`);
    expect(editorKindOf(doc.getElementById('lex')!)).toBe('lexical');
    expect(editorKindOf(doc.getElementById('draft')!)).toBe('draft');
    expect(editorKindOf(doc.getElementById('plain')!)).toBe('plain');
  });
});

describe('insertProblem', () => {
  it('refuses a reply that would overflow maxlength, counting the replaced selection', () => {
    const input = focus('<input maxlength="10" value="Hi there">', 'input') as HTMLInputElement;
    input.setSelectionRange(3, 8);
    const found = findTarget(doc);
    if (!found.ok) throw new Error(found.error);
    expect(insertProblem(found.target, 'Maria')).toBeNull(); // 3 + 5 = 8
    expect(insertProblem(found.target, 'Maria Santos')).toBe('This field takes at most 10 characters; with this reply it would hold 15.');
  });

  it('has nothing to say about fields without a limit or rich editors', () => {
    focus('<textarea></textarea>', 'textarea');
    const found = findTarget(doc);
    if (!found.ok) throw new Error(found.error);
    expect(insertProblem(found.target, 'x'.repeat(10_000))).toBeNull();
  });
});

describe('insertText into a text field whose page blocks the editing command', () => {
  it('replaces the selection with the text as plain text, caret after it, and tells the framework', async () => {
    const area = focus('<textarea aria-label="Reply">Hello world, bye</textarea>', 'textarea') as HTMLTextAreaElement;
    area.setSelectionRange(6, 11);
    const target = findTarget(doc);
    if (!target.ok) throw new Error(target.error);
    const events: string[] = [];
    area.addEventListener('input', (e) => events.push(`input:${(e as InputEvent).data ?? ''}`));
    area.addEventListener('change', () => events.push('change'));
    // This DOM has no execCommand (as a page that blocks it): the setRangeText path must do the same job.
    expect('execCommand' in doc).toBe(false);
    const result = await insertText(target.target, 'Ana <b>&amp;</b>');
    expect(result).toEqual({ ok: true, method: 'setRangeText' });
    expect(area.value).toBe('Hello Ana <b>&amp;</b>, bye');
    expect(area.selectionStart).toBe('Hello Ana <b>&amp;</b>'.length);
    expect(area.selectionEnd).toBe(area.selectionStart);
    expect(events).toEqual(['input:Ana <b>&amp;</b>', 'change']);
  });
});
