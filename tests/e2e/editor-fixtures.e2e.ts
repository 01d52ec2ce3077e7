// The editor fixture page (tests/e2e/fixtures/editors/editors.html: real Lexical, Draft.js and
// React 18 bundles, plus plain fields) in Chromium, and what each way of inserting text does to
// each editor — the research behind the insertion strategies of "Quick replies in any tab"
// (DESIGN §4). The extension is loaded through the harness for consistency but is not used: no
// manifest patch, nothing granted. Insertions run in an ISOLATED world created over CDP
// (Page.createIsolatedWorld), as a content script's would; the editors' own state is read from
// the main world (window.__fixtureEditors).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { ROOT_DIR, collectConsole, launchExtension, serveSite, sleep, type ExtensionHandle } from './harness';

const EDITORS_DIR = path.join(ROOT_DIR, 'tests/e2e/fixtures/editors');
const HOST = 'https://fixtures.leadside.test';
const OTHER_HOST = 'https://other-site.leadside.test';
const PAGE_URL = `${HOST}/editors.html?frame=${encodeURIComponent(`${OTHER_HOST}/frame.html`)}`;
/** Longer than the Lexical fixture's history merge window (300 ms), so an insertion is its own undo step. */
const HISTORY_GAP_MS = 400;

type EditorName = 'Lexical editor' | 'Draft editor' | 'React textarea' | 'Plain contenteditable' | 'Plain input';
const EDITORS: EditorName[] = ['Lexical editor', 'Draft editor', 'React textarea', 'Plain contenteditable', 'Plain input'];
/** Fixture ids (window.__fixtureEditors keys, or the plain fields' ids). */
const IDS: Record<EditorName, string> = {
  'Lexical editor': 'lexical',
  'Draft editor': 'draft',
  'React textarea': 'react-textarea',
  'Plain contenteditable': 'plain-contenteditable',
  'Plain input': 'plain-input',
};

interface Offsets {
  anchor: number;
  focus: number;
}
interface EditorState {
  text: string;
  selection: Offsets | null;
}

let ext: ExtensionHandle;

beforeAll(async () => {
  // The bundles: built by `npm test` before the e2e run; here too, so this file runs on its own
  // (the script skips the build when dist/ is up to date).
  execFileSync(process.execPath, [path.join(ROOT_DIR, 'scripts/build-editor-fixtures.mjs')], { stdio: 'inherit' });
  ext = await launchExtension();
  await serveSite(ext.context, HOST, EDITORS_DIR);
  await serveSite(ext.context, OTHER_HOST, () => '<!doctype html><title>Other site</title><textarea aria-label="Other site field"></textarea>');
});

afterAll(async () => {
  await ext?.close();
});

async function openEditors(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(PAGE_URL);
  await page.waitForFunction(() => {
    const editors = (window as unknown as { __fixtureEditors?: Record<string, unknown> }).__fixtureEditors;
    return Boolean(editors?.lexical && editors.draft && editors['react-textarea']);
  });
  return page;
}

/** The editor's OWN state, read in the page's main world (plain fields: their DOM state). */
function readState(page: Page, name: EditorName): Promise<EditorState> {
  return page.evaluate((id): EditorState => {
    type Fixture = { text(): string; selection(): { anchor: number; focus: number } | null };
    const fixture = (window as unknown as { __fixtureEditors: Record<string, Fixture | undefined> }).__fixtureEditors[id];
    if (fixture) return { text: fixture.text(), selection: fixture.selection() };
    const element = document.getElementById(id)!;
    if (element instanceof HTMLInputElement) {
      return { text: element.value, selection: { anchor: element.selectionStart ?? 0, focus: element.selectionEnd ?? 0 } };
    }
    // Plain contenteditable: innerText (lines as "\n"); offsets from the DOM selection, counted as
    // text before each end (good for one line, which is all this is used for).
    const selection = document.getSelection();
    const offsetOf = (node: Node | null, offset: number) => {
      if (!node || !element.contains(node)) return -1;
      const range = document.createRange();
      range.selectNodeContents(element);
      range.setEnd(node, offset);
      return range.toString().length;
    };
    return {
      text: element.innerText.replace(/\n$/, ''),
      selection:
        selection && selection.rangeCount > 0 && element.contains(selection.anchorNode)
          ? { anchor: offsetOf(selection.anchorNode, selection.anchorOffset), focus: offsetOf(selection.focusNode, selection.focusOffset) }
          : null,
    };
  }, IDS[name]);
}

/** Focuses an editor the way a person does, types `text`, and puts the caret/selection at [from, to]. */
async function typeInto(page: Page, name: EditorName, text: string, from: number, to = from): Promise<void> {
  await page.getByRole('textbox', { name, exact: true }).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Home');
  for (let i = 0; i < from; i++) await page.keyboard.press('ArrowRight');
  for (let i = from; i < to; i++) await page.keyboard.press('Shift+ArrowRight');
  // Each editor learns about caret moves asynchronously (selectionchange): wait for it.
  await expect.poll(async () => (await readState(page, name)).selection).toEqual({ anchor: from, focus: to });
}

// ---------------------------------------------------------------------------------------------
// An isolated world, as a content script has
// ---------------------------------------------------------------------------------------------

interface IsolatedWorld {
  cdp: CDPSession;
  contextId: number;
}

async function createIsolatedWorld(page: Page): Promise<IsolatedWorld> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'leadside-editor-research',
  });
  return { cdp, contextId: executionContextId };
}

/** Runs a self-contained function in the isolated world and returns its (JSON) result. */
async function inIsolatedWorld<A, R>(world: IsolatedWorld, fn: (arg: A) => R, arg: A): Promise<R> {
  const { result, exceptionDetails } = await world.cdp.send('Runtime.evaluate', {
    expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
    contextId: world.contextId,
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(`isolated world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as R;
}

type Method = 'execCommand' | 'paste' | 'beforeinput' | 'textInput' | 'setRangeText' | 'nativeSetter' | 'assignValue';

/**
 * Inserts `text` into document.activeElement with one method. Self-contained: it is serialised
 * into the isolated world. Returns what the call itself reported.
 */
function insertWith({ method, text }: { method: Method; text: string }): { target: string; returned: unknown; defaultPrevented?: boolean } {
  const target = document.activeElement as HTMLElement;
  const label = `${target.tagName.toLowerCase()}${target.id ? `#${target.id}` : ''}`;
  const field = target as HTMLInputElement | HTMLTextAreaElement;
  const spliced = () => {
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    return { value: field.value.slice(0, start) + text + field.value.slice(end), caret: start + text.length };
  };
  switch (method) {
    case 'execCommand':
      return { target: label, returned: document.execCommand('insertText', false, text) };
    case 'paste': {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      return { target: label, returned: target.dispatchEvent(event), defaultPrevented: event.defaultPrevented };
    }
    case 'beforeinput': {
      const event = new InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true });
      return { target: label, returned: target.dispatchEvent(event), defaultPrevented: event.defaultPrevented };
    }
    case 'textInput': {
      // The legacy TextEvent, which React's onBeforeInput (and so Draft.js) listens to in Chrome.
      const event = document.createEvent('TextEvent');
      event.initTextEvent('textInput', true, true, window, text);
      return { target: label, returned: target.dispatchEvent(event), defaultPrevented: event.defaultPrevented };
    }
    case 'setRangeText': {
      field.setRangeText(text, field.selectionStart ?? 0, field.selectionEnd ?? 0, 'end');
      return { target: label, returned: target.dispatchEvent(new Event('input', { bubbles: true })) };
    }
    case 'nativeSetter': {
      const proto = target instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      const setter = Object.getOwnPropertyDescriptor(proto, 'value')!.set!;
      const { value, caret } = spliced();
      setter.call(field, value);
      field.setSelectionRange(caret, caret);
      return { target: label, returned: target.dispatchEvent(new Event('input', { bubbles: true })) };
    }
    case 'assignValue': {
      // A plain assignment: from the main world React's value tracker would swallow the event.
      const { value, caret } = spliced();
      field.value = value;
      field.setSelectionRange(caret, caret);
      return { target: label, returned: target.dispatchEvent(new Event('input', { bubbles: true })) };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The fixtures themselves
// ---------------------------------------------------------------------------------------------

describe('editor fixture page', () => {
  it('mounts every editor with its accessible name and without console errors', async () => {
    const page = await ext.context.newPage();
    const console = collectConsole(page);
    await page.goto(PAGE_URL);
    for (const name of EDITORS) await expect.poll(() => page.getByRole('textbox', { name, exact: true }).count()).toBe(1);
    // Labels moved from the hosts to the editable elements: one match each.
    for (const name of EDITORS) expect(await page.getByLabel(name, { exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('type')).toBe('password');
    expect(await page.getByRole('textbox', { name: 'React textarea' }).getAttribute('maxlength')).toBe('200');
    const kinds = await page.evaluate(() =>
      Object.entries((window as unknown as { __fixtureEditors: Record<string, { kind: string }> }).__fixtureEditors).map(
        ([id, editor]) => [id, editor.kind],
      ),
    );
    expect(Object.fromEntries(kinds)).toEqual({ lexical: 'lexical', draft: 'draft', 'react-textarea': 'react-textarea' });
    // The other site's page loads in the frame, and the page cannot reach into it.
    const frame = page.frameLocator('iframe[title="Other site frame"]');
    await expect.poll(() => frame.getByRole('textbox', { name: 'Other site field' }).count()).toBe(1);
    expect(await page.evaluate(() => (document.querySelector('iframe') as HTMLIFrameElement).contentDocument)).toBeNull();
    expect(console.errors).toEqual([]);
    await page.close();
  });

  it.each(['Lexical editor', 'Draft editor', 'React textarea'] as const)(
    '%s: keyboard typing updates its own state, Ctrl+Z undoes it',
    async (name) => {
      const page = await openEditors();
      const box = page.getByRole('textbox', { name, exact: true });
      await box.click();
      await page.keyboard.type('Hello');
      await expect.poll(() => readState(page, name)).toEqual({ text: 'Hello', selection: { anchor: 5, focus: 5 } });
      await sleep(HISTORY_GAP_MS);
      await page.keyboard.type(' world');
      await expect.poll(async () => (await readState(page, name)).text).toBe('Hello world');
      // Selection offsets come from the editor's own selection state.
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await expect.poll(async () => (await readState(page, name)).selection).toEqual({ anchor: 0, focus: 2 });
      await page.keyboard.press('End');
      // How much one Ctrl+Z takes back is each editor's own business (Lexical: typing within
      // 300 ms; Draft.js: the whole run of typing; Chromium under React's controlled textarea: one
      // character), so: each Ctrl+Z takes some off the end, and enough of them empty it.
      let before = 'Hello world';
      for (let i = 0; i < 12 && before !== ''; i++) {
        await page.keyboard.press('Control+z');
        await expect.poll(async () => (await readState(page, name)).text).not.toBe(before);
        const after = (await readState(page, name)).text;
        expect(before.startsWith(after)).toBe(true);
        before = after;
      }
      expect(before).toBe('');
      await page.close();
    },
  );

  it('Lexical: the host is the contenteditable root; Enter makes a line break in the plain-text state', async () => {
    const page = await openEditors();
    const box = page.getByRole('textbox', { name: 'Lexical editor', exact: true });
    expect(await box.evaluate((el) => [el.id, el.getAttribute('data-fixture-editor'), el.getAttribute('contenteditable')])).toEqual([
      'lexical',
      'lexical',
      'true',
    ]);
    await box.click();
    await page.keyboard.type('one');
    await page.keyboard.press('Enter');
    await page.keyboard.type('two');
    await expect.poll(() => readState(page, 'Lexical editor')).toEqual({ text: 'one\ntwo', selection: { anchor: 7, focus: 7 } });
    await page.close();
  });

  it('Draft: the host contains the editor; Enter makes a new block, read as a new line', async () => {
    const page = await openEditors();
    const box = page.getByRole('textbox', { name: 'Draft editor', exact: true });
    expect(await box.evaluate((el) => [el.closest('[data-fixture-editor]')?.id, el.classList.contains('public-DraftEditor-content')])).toEqual([
      'draft',
      true,
    ]);
    await box.click();
    await page.keyboard.type('one');
    await page.keyboard.press('Enter');
    await page.keyboard.type('two');
    await expect.poll(() => readState(page, 'Draft editor')).toEqual({ text: 'one\ntwo', selection: { anchor: 7, focus: 7 } });
    await page.close();
  });

  it('React textarea: data-maxlength caps typing, and the state is React’s', async () => {
    const page = await openEditors();
    const box = page.getByRole('textbox', { name: 'React textarea', exact: true });
    await box.click();
    await page.keyboard.type('x'.repeat(205));
    await expect.poll(async () => (await readState(page, 'React textarea')).text.length).toBe(200);
    // A main-world assignment bypasses React: the DOM changes, React's state does not.
    await box.evaluate((el) => {
      (el as HTMLTextAreaElement).value = 'assigned';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect((await readState(page, 'React textarea')).text).toBe('x'.repeat(200));
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
// Research: inserting from an isolated world
// ---------------------------------------------------------------------------------------------

/** What one method did to one editor, read from the editor's own state. */
interface Observation {
  /** "Hello world" with the caret after "Hello", then ", Ana" inserted. */
  afterInsert: EditorState;
  /** …then "!" typed with the keyboard: lands right after ", Ana" when the caret followed the insertion. */
  afterTyping: string;
  /** "Hello world" with "world" selected, then "Ana" inserted. */
  afterReplace: string;
  /** …then one Ctrl+Z. */
  afterUndo: string;
  /** "Ana\nBob" inserted into the empty editor. */
  multiLine: string;
}

/** The questions the insertion strategies care about, answered from an Observation. */
interface Verdict {
  /** The editor's own state holds the text, at the caret. */
  inserted: boolean;
  /** The editor's own selection is collapsed right after the inserted text. */
  caretAfter: boolean;
  /** Typing after the insertion continues after the inserted text. */
  typingContinues: boolean;
  /** A selection is replaced by the inserted text. */
  replacesSelection: boolean;
  /** "\n" comes out as a line break (a new line in the plain text). */
  multiLine: boolean;
  /** One Ctrl+Z removes the insertion and restores the replaced text. */
  undone: boolean;
}

const BASE = 'Hello world';
const INSERT = ', Ana';

function verdict(o: Observation): Verdict {
  return {
    inserted: o.afterInsert.text === 'Hello, Ana world',
    caretAfter: o.afterInsert.selection?.anchor === 10 && o.afterInsert.selection.focus === 10,
    typingContinues: o.afterTyping === 'Hello, Ana! world',
    replacesSelection: o.afterReplace === 'Hello Ana',
    multiLine: o.multiLine === 'Ana\nBob',
    undone: o.afterReplace !== BASE && o.afterUndo === BASE,
  };
}

type World = 'isolated' | 'main';

async function insert(page: Page, world: World, method: Method, text: string) {
  if (world === 'main') return page.evaluate(insertWith, { method, text });
  const isolated = await createIsolatedWorld(page);
  try {
    return await inIsolatedWorld(isolated, insertWith, { method, text });
  } finally {
    await isolated.cdp.detach();
  }
}

/** Editors update their state from events, some a tick later (React, selectionchange). */
const settle = () => sleep(150);

async function withEditorsPage<T>(steps: (page: Page) => Promise<T>): Promise<T> {
  const page = await openEditors();
  try {
    return await steps(page);
  } finally {
    await page.close();
  }
}

/** Part one: insertion at a caret, then typing. */
async function observeAtCaret(name: EditorName, method: Method, world: World): Promise<Pick<Observation, 'afterInsert' | 'afterTyping'>> {
  return withEditorsPage(async (page) => {
    await typeInto(page, name, BASE, 5);
    await insert(page, world, method, INSERT);
    await settle();
    const afterInsert = await readState(page, name);
    await page.keyboard.type('!');
    await settle();
    return { afterInsert, afterTyping: (await readState(page, name)).text };
  });
}

/** Part two: insertion over a selection, then Ctrl+Z. */
async function observeOverSelection(name: EditorName, method: Method, world: World): Promise<Pick<Observation, 'afterReplace' | 'afterUndo'>> {
  return withEditorsPage(async (page) => {
    await typeInto(page, name, BASE, 6, 11);
    await sleep(HISTORY_GAP_MS);
    await insert(page, world, method, 'Ana');
    await settle();
    const afterReplace = (await readState(page, name)).text;
    await page.keyboard.press('Control+z');
    await settle();
    return { afterReplace, afterUndo: (await readState(page, name)).text };
  });
}

/** Part three: two lines into the empty editor. */
async function observeMultiLine(name: EditorName, method: Method, world: World): Promise<Pick<Observation, 'multiLine'>> {
  return withEditorsPage(async (page) => {
    await page.getByRole('textbox', { name, exact: true }).click();
    await insert(page, world, method, 'Ana\nBob');
    await settle();
    return { multiLine: (await readState(page, name)).text };
  });
}

describe('inserting text from an isolated world (research for quick replies)', () => {
  it('the isolated world shares the DOM but not the page’s globals, and its events reach the page’s listeners', async () => {
    const page = await openEditors();
    await page.evaluate(() => {
      document.addEventListener('fixture-ping', (event) => {
        document.body.dataset.pinged = String((event as CustomEvent).detail);
      });
    });
    const world = await createIsolatedWorld(page);
    const seen = await inIsolatedWorld(
      world,
      () => {
        document.dispatchEvent(new CustomEvent('fixture-ping', { detail: 'from isolated world' }));
        return {
          globals: typeof (window as unknown as { __fixtureEditors?: unknown }).__fixtureEditors,
          lexicalHost: document.getElementById('lexical')?.getAttribute('data-lexical-editor') ?? null,
        };
      },
      null,
    );
    await world.cdp.detach();
    expect(seen).toEqual({ globals: 'undefined', lexicalHost: 'true' });
    expect(await page.evaluate(() => document.body.dataset.pinged)).toBe('from isolated world');
    await page.close();
  });

  it('tells the editor kinds apart from the isolated world by DOM attributes and classes', async () => {
    const page = await openEditors();
    const world = await createIsolatedWorld(page);
    const kinds = await inIsolatedWorld(
      world,
      () => {
        const describeField = (el: Element | null) => {
          if (!el) return null;
          return {
            tag: el.tagName.toLowerCase(),
            type: el.getAttribute('type'),
            contenteditable: el.getAttribute('contenteditable'),
            isContentEditable: (el as HTMLElement).isContentEditable,
            role: el.getAttribute('role'),
            lexical: el.closest('[data-lexical-editor="true"]') !== null,
            draft: el.closest('.public-DraftEditor-content') !== null && el.closest('.DraftEditor-root') !== null,
            reactProps: Object.keys(el).some((key) => key.startsWith('__reactProps$')),
            lexicalExpando: Object.keys(el).some((key) => key.startsWith('__lexicalEditor')),
          };
        };
        const byLabel = (label: string) => document.querySelector(`[aria-label="${label}"]`);
        return {
          lexical: describeField(byLabel('Lexical editor')),
          draft: describeField(byLabel('Draft editor')),
          reactTextarea: describeField(byLabel('React textarea')),
          plainContenteditable: describeField(byLabel('Plain contenteditable')),
          plainInput: describeField(byLabel('Plain input')),
          password: describeField(byLabel('Password')),
        };
      },
      null,
    );
    await world.cdp.detach();
    // Main-world expandos (React's __reactProps$…, Lexical's __lexicalEditor) are invisible here:
    // detection must use attributes and classes.
    expect(kinds).toEqual({
      lexical: { tag: 'div', type: null, contenteditable: 'true', isContentEditable: true, role: 'textbox', lexical: true, draft: false, reactProps: false, lexicalExpando: false },
      draft: { tag: 'div', type: null, contenteditable: 'true', isContentEditable: true, role: 'textbox', lexical: false, draft: true, reactProps: false, lexicalExpando: false },
      reactTextarea: { tag: 'textarea', type: null, contenteditable: null, isContentEditable: false, role: null, lexical: false, draft: false, reactProps: false, lexicalExpando: false },
      plainContenteditable: { tag: 'div', type: null, contenteditable: 'true', isContentEditable: true, role: 'textbox', lexical: false, draft: false, reactProps: false, lexicalExpando: false },
      plainInput: { tag: 'input', type: 'text', contenteditable: null, isContentEditable: false, role: null, lexical: false, draft: false, reactProps: false, lexicalExpando: false },
      password: { tag: 'input', type: 'password', contenteditable: null, isContentEditable: false, role: null, lexical: false, draft: false, reactProps: false, lexicalExpando: false },
    });
    // …while the main world does see them (so "invisible" above is the isolation, not their absence).
    expect(
      await page.evaluate(() => ({
        reactProps: Object.keys(document.querySelector('textarea')!).some((key) => key.startsWith('__reactProps$')),
        lexicalExpando: Object.keys(document.getElementById('lexical')!).some((key) => key.startsWith('__lexicalEditor')),
      })),
    ).toEqual({ reactProps: true, lexicalExpando: true });
    await page.close();
  });

  it('maxlength: execCommand respects it (the text is cut to fit), setRangeText and the value setter ignore it', async () => {
    const cases = [
      { name: 'React textarea' as const, method: 'execCommand' as const },
      { name: 'React textarea' as const, method: 'setRangeText' as const },
      { name: 'React textarea' as const, method: 'nativeSetter' as const },
      { name: 'Plain input' as const, method: 'execCommand' as const },
      { name: 'Plain input' as const, method: 'setRangeText' as const },
    ];
    const lengths: Record<string, number> = {};
    for (const { name, method } of cases) {
      await withEditorsPage(async (page) => {
        // The React textarea has data-maxlength="200"; give the plain input the same limit.
        await page.evaluate(() => document.getElementById('plain-input')!.setAttribute('maxlength', '200'));
        const box = page.getByRole('textbox', { name, exact: true });
        await box.fill('x'.repeat(198));
        await expect.poll(async () => (await readState(page, name)).text.length).toBe(198);
        await insert(page, 'isolated', method, 'abcde');
        await settle();
        lengths[`${name} ${method}`] = (await readState(page, name)).text.length;
      });
    }
    expect(lengths).toEqual({
      'React textarea execCommand': 200,
      'React textarea setRangeText': 203,
      'React textarea nativeSetter': 203,
      'Plain input execCommand': 200,
      'Plain input setRangeText': 203,
    });
  });

  it('a password field takes execCommand like any input: only an explicit type check keeps text out', async () => {
    await withEditorsPage(async (page) => {
      await page.getByLabel('Password', { exact: true }).click();
      const world = await createIsolatedWorld(page);
      const seen = await inIsolatedWorld(
        world,
        () => {
          const field = document.activeElement as HTMLInputElement;
          const type = field.type;
          const returned = document.execCommand('insertText', false, 'secret');
          return { tag: field.tagName, type, returned, value: field.value };
        },
        null,
      );
      await world.cdp.detach();
      expect(seen).toEqual({ tag: 'INPUT', type: 'password', returned: true, value: 'secret' });
    });
  });

  it('with focus in a cross-origin frame, the top frame sees only the <iframe> and cannot insert into it', async () => {
    await withEditorsPage(async (page) => {
      const field = page.frameLocator('iframe[title="Other site frame"]').getByRole('textbox', { name: 'Other site field' });
      await field.click();
      const world = await createIsolatedWorld(page);
      const seen = await inIsolatedWorld(
        world,
        () => {
          const active = document.activeElement as HTMLIFrameElement;
          return {
            tag: active.tagName,
            title: active.title,
            contentDocument: active.contentDocument === null ? null : 'reachable',
            returned: document.execCommand('insertText', false, 'leak'),
          };
        },
        null,
      );
      await world.cdp.detach();
      expect(seen).toEqual({ tag: 'IFRAME', title: 'Other site frame', contentDocument: null, returned: false });
      expect(await field.inputValue()).toBe('');
    });
  });

  const METHODS: Record<EditorName, Method[]> = {
    'Lexical editor': ['execCommand', 'paste', 'beforeinput', 'textInput'],
    'Draft editor': ['execCommand', 'paste', 'beforeinput', 'textInput'],
    'Plain contenteditable': ['execCommand', 'paste', 'beforeinput', 'textInput'],
    'React textarea': ['execCommand', 'paste', 'beforeinput', 'textInput', 'setRangeText', 'nativeSetter', 'assignValue'],
    'Plain input': ['execCommand', 'paste', 'beforeinput', 'textInput', 'setRangeText', 'nativeSetter', 'assignValue'],
  };

  const ALL: Verdict = { inserted: true, caretAfter: true, typingContinues: true, replacesSelection: true, multiLine: true, undone: true };
  const NONE: Verdict = { inserted: false, caretAfter: false, typingContinues: false, replacesSelection: false, multiLine: false, undone: false };
  const allBut = (...no: (keyof Verdict)[]): Verdict => ({ ...ALL, ...Object.fromEntries(no.map((k) => [k, false])) });
  const onlyWhen = (...yes: (keyof Verdict)[]): Verdict => ({ ...NONE, ...Object.fromEntries(yes.map((k) => [k, true])) });

  /** What Chromium 156 + the real libraries do (details in the report of this research). */
  const EXPECTED: Record<EditorName, Partial<Record<Method, Verdict>>> = {
    'Lexical editor': {
      // Lexical handles the trusted beforeinput that execCommand fires; "\n" is dropped ("AnaBob").
      execCommand: allBut('multiLine'),
      // PASTE_COMMAND → plain-text insertion: everything, "\n" as a LineBreakNode.
      paste: ALL,
      // Lexical lets the browser insert natively in a text node (nothing happens for an untrusted
      // event); only where it must insert itself (the empty editor) does it take the text.
      beforeinput: onlyWhen('multiLine'),
      textInput: NONE,
    },
    'Draft editor': {
      // Draft diffs the DOM after the native insertion: fine on one line, but "Ana\nBob" leaves
      // only "Bob" in its state.
      execCommand: allBut('multiLine'),
      // editOnPaste: everything, lines as blocks, one undo step.
      paste: ALL,
      // Draft listens to React's onBeforeInput, which Chromium feeds from textInput, not beforeinput.
      beforeinput: NONE,
      // Draft updates its state and leaves the DOM to the browser, which does nothing for an
      // untrusted event: the next keystroke re-reads the DOM and the insertion is lost.
      textInput: allBut('typingContinues'),
    },
    'React textarea': {
      execCommand: ALL,
      paste: NONE,
      beforeinput: NONE,
      textInput: NONE,
      // Programmatic value changes bypass Chromium's undo stack.
      setRangeText: allBut('undone'),
      nativeSetter: allBut('undone'),
      assignValue: allBut('undone'),
    },
    'Plain contenteditable': {
      execCommand: ALL,
      paste: NONE,
      beforeinput: NONE,
      textInput: NONE,
    },
    'Plain input': {
      // A single-line field: execCommand turns "\n" into a space ("Ana Bob")…
      execCommand: allBut('multiLine'),
      paste: NONE,
      beforeinput: NONE,
      textInput: NONE,
      // …value sanitisation drops it ("AnaBob").
      setRangeText: allBut('multiLine', 'undone'),
      nativeSetter: allBut('multiLine', 'undone'),
      assignValue: allBut('multiLine', 'undone'),
    },
  };

  const results: string[] = [];
  // LEADSIDE_EDITOR_MATRIX=1 prints the raw observations behind the verdicts.
  afterAll(() => {
    if (process.env.LEADSIDE_EDITOR_MATRIX && results.length) {
      process.stdout.write(`\nInsertion matrix (isolated world):\n${results.join('\n')}\n`);
    }
  });

  for (const name of EDITORS) {
    it(`${name}: what each method does (same from the main world, but for React's value tracker)`, async () => {
      const observed: Partial<Record<Method, Verdict>> = {};
      for (const method of METHODS[name]) {
        const isolated: Observation = {
          ...(await observeAtCaret(name, method, 'isolated')),
          ...(await observeOverSelection(name, method, 'isolated')),
          ...(await observeMultiLine(name, method, 'isolated')),
        };
        observed[method] = verdict(isolated);
        results.push(`${name.padEnd(22)} ${method.padEnd(13)} ${JSON.stringify(isolated)}`);
        // Cross-check: the same call from the page's own world.
        const main = await observeAtCaret(name, method, 'main');
        if (name === 'React textarea' && method === 'assignValue') {
          // From the main world, `el.value =` goes through React's own tracker on the element
          // (an own property, invisible to the isolated world), so React drops the input event:
          // the DOM changed, React's state did not.
          expect(main.afterInsert.text).toBe(BASE);
          expect(isolated.afterInsert.text).toBe('Hello, Ana world');
        } else {
          expect(main).toEqual({ afterInsert: isolated.afterInsert, afterTyping: isolated.afterTyping });
        }
      }
      expect(observed).toEqual(EXPECTED[name]);
    });
  }
});
