// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PickerCandidate, QuickReplyResponses } from '../messaging/quick-reply-protocol';
import { findTarget } from './insert';
import { dismissPicker, isPickerOpen, openPicker, type PickerPort } from './picker';

const doc = window.document;

afterEach(() => {
  doc.body.replaceChildren();
  doc.querySelectorAll('leadside-quick-reply').forEach((el) => el.remove());
});

const maria: PickerCandidate = { id: 'c1', name: 'Maria Santos', detail: 'C-1', values: { candidate_name: 'Maria' }, blocked: null };

function port(overrides: Partial<PickerPort> = {}, context: Partial<Extract<QuickReplyResponses['qr:context'], { ok: true }>> = {}): PickerPort {
  return {
    context: () =>
      Promise.resolve({
        ok: true,
        replies: [
          { id: 'q1', title: 'Interview invite', body: 'Hi {{candidate_name}}, are you free?' },
          { id: 'q2', title: 'Thanks', body: 'Thank you!' },
        ],
        candidate: maria,
        source: 'page',
        channel: 'whatsapp',
        logging: true,
        preselect: null,
        lookupName: null,
        unmatched: null,
        suggested: null,
        ...context,
      }),
    match: () => Promise.resolve({ ok: true, candidate: null, source: null, unmatched: null, suggested: null }),
    search: () => Promise.resolve({ ok: true, candidates: [] }),
    check: () => Promise.resolve({ ok: true }),
    log: () => Promise.resolve({ ok: true, logged: true }),
    ...overrides,
  };
}

function field(): HTMLTextAreaElement {
  const area = doc.createElement('textarea');
  area.value = 'Hello ';
  doc.body.append(area);
  area.focus();
  area.setSelectionRange(6, 6);
  return area;
}

function shadow(): ShadowRoot {
  const host = doc.querySelector('leadside-quick-reply');
  if (!host?.shadowRoot) throw new Error('no picker');
  return host.shadowRoot;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the picker', () => {
  it('lists the replies, moves with the arrows, previews the rendered text, and Escape gives the field back', async () => {
    const area = field();
    const target = findTarget(doc);
    const closed = openPicker({ doc, target, port: port() });
    await flush();
    const root = shadow();
    const filter = root.querySelector<HTMLInputElement>('[aria-label="Filter quick replies"]')!;
    const options = () => [...root.querySelectorAll('[role="option"]')];
    expect(options().map((o) => o.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    expect(root.querySelector('[aria-label="Preview"]')!.textContent).toBe('Hi Maria, are you free?');
    expect(root.textContent).toContain('To: Maria Santos');

    filter.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(options().map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    expect(filter.getAttribute('aria-activedescendant')).toBe('lsqr-1');
    expect(root.querySelector('[aria-label="Preview"]')!.textContent).toBe('Thank you!');

    filter.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await closed;
    expect(doc.querySelector('leadside-quick-reply')).toBeNull();
    expect(doc.activeElement).toBe(area);
    expect(area.value).toBe('Hello ');
  });

  it('closes when the shortcut comes again, giving the field back', async () => {
    const area = field();
    const closed = openPicker({ doc, target: findTarget(doc), port: port() });
    await flush();
    expect(isPickerOpen()).toBe(true);
    expect(doc.activeElement).not.toBe(area);
    dismissPicker();
    await closed;
    expect(isPickerOpen()).toBe(false);
    expect(doc.querySelector('leadside-quick-reply')).toBeNull();
    expect(doc.activeElement).toBe(area);
  });

  it('keeps a refusal from the background on screen and inserts nothing', async () => {
    const area = field();
    const check = vi.fn(() => Promise.resolve({ ok: false as const, error: 'Duplicate Message: edit it first.' }));
    const log = vi.fn(() => Promise.resolve({ ok: true as const, logged: true }));
    void openPicker({ doc, target: findTarget(doc), port: port({ check, log }) });
    await flush();
    const root = shadow();
    root.querySelector<HTMLInputElement>('[aria-label="Filter quick replies"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await flush();
    expect(check).toHaveBeenCalledWith('c1', 'Hi Maria, are you free?', 'whatsapp');
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Duplicate Message: edit it first.');
    expect(root.querySelector<HTMLButtonElement>('button.primary')!.disabled).toBe(true);
    expect(log).not.toHaveBeenCalled();
    expect(area.value).toBe('Hello ');
  });

  it('waits for a name lookup before a reply that names the candidate can be inserted', async () => {
    field();
    let resolve: (v: QuickReplyResponses['qr:match']) => void = () => undefined;
    const match = () => new Promise<QuickReplyResponses['qr:match']>((r) => (resolve = r));
    void openPicker({ doc, target: findTarget(doc), port: port({ match }, { candidate: null, source: null, lookupName: 'Maria Santos' }) });
    await flush();
    const root = shadow();
    expect(root.textContent).toContain('Looking for Maria Santos in Leadside…');
    expect(root.querySelector<HTMLButtonElement>('button.primary')!.disabled).toBe(true);
    resolve({ ok: true, candidate: maria, source: 'page', unmatched: null, suggested: null });
    await flush();
    expect(root.textContent).toContain('To: Maria Santos(from this conversation)');
    expect(root.querySelector<HTMLButtonElement>('button.primary')!.disabled).toBe(false);
  });

  it('names a conversation partner who is not in Leadside, and only offers the side panel’s candidate', async () => {
    const area = field();
    const match = () => Promise.resolve<QuickReplyResponses['qr:match']>({ ok: true, candidate: null, source: null, unmatched: 'Juan Cruz', suggested: maria });
    const log = vi.fn(() => Promise.resolve({ ok: true as const, logged: true }));
    void openPicker({ doc, target: findTarget(doc), port: port({ match, log }, { candidate: null, source: null, lookupName: 'Juan Cruz' }) });
    await flush();
    await flush();
    const root = shadow();
    expect(root.textContent).toContain('Juan Cruz (this conversation) is not in Leadside.');
    expect(root.textContent).not.toContain('To: ');
    // A reply naming the candidate cannot go in for nobody.
    root.querySelector<HTMLInputElement>('[aria-label="Filter quick replies"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await flush();
    expect(area.value).toBe('Hello ');
    expect(log).not.toHaveBeenCalled();
    // Choosing: the panel's candidate is the first offer; taking it is the recruiter's act.
    root.querySelector<HTMLButtonElement>('[aria-label="Choose candidate"]')!.click();
    const offer = root.querySelector('[role="option"]')!;
    expect(offer.textContent).toBe('Maria SantosOpen in Leadside · C-1');
    (offer as HTMLElement).click();
    expect(root.textContent).toContain('To: Maria Santos(chosen by you)');
  });

  it('shows why it will not insert, with no list, when the field is refused', async () => {
    const input = doc.createElement('input');
    input.type = 'password';
    doc.body.append(input);
    input.focus();
    void openPicker({ doc, target: findTarget(doc), port: port() });
    await flush();
    expect(shadow().querySelector('[role="alert"]')!.textContent).toBe('Leadside never inserts into password fields.');
    expect(shadow().querySelector('[role="listbox"]')).toBeNull();
  });
});
