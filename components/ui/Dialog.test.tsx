// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from './Dialog';

const doc = window.document;

afterEach(() => {
  render(null, doc.body);
  doc.body.replaceChildren();
});

describe('Dialog', () => {
  it('has focus in its first field as soon as it is rendered, before the browser paints it', () => {
    const opener = doc.createElement('button');
    doc.body.append(opener);
    opener.focus();
    const root = doc.createElement('div');
    doc.body.append(root);
    render(
      <Dialog title="Add candidate" onClose={() => {}}>
        <input aria-label="First name" />
        <input aria-label="Phone" />
      </Dialog>,
      root,
    );
    // No frame has passed: an after-paint effect would not have run yet.
    expect(doc.activeElement?.getAttribute('aria-label')).toBe('First name');
  });

  it('leaves focus where it already is inside the dialog, and gives it back to the opener on close', async () => {
    const opener = doc.createElement('button');
    doc.body.append(opener);
    opener.focus();
    const root = doc.createElement('div');
    doc.body.append(root);
    render(
      <Dialog title="Add candidate" onClose={() => {}}>
        <input aria-label="First name" />
        <input aria-label="Phone" />
      </Dialog>,
      root,
    );
    const phone = doc.querySelector<HTMLInputElement>('[aria-label="Phone"]')!;
    phone.focus();
    // Whatever runs after paint must not pull focus back to the first field.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(doc.activeElement).toBe(phone);
    render(null, root);
    expect(doc.activeElement).toBe(opener);
  });

  it('closes on Escape and on a click on the backdrop, not on a click inside', () => {
    const onClose = vi.fn();
    const root = doc.createElement('div');
    doc.body.append(root);
    render(
      <Dialog title="Confirm" onClose={onClose}>
        <button type="button">OK</button>
      </Dialog>,
      root,
    );
    const dialog = doc.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe(doc.querySelector('h2')!.id);
    dialog.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onClose).not.toHaveBeenCalled();
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onClose).toHaveBeenCalledTimes(1);
    doc.querySelector('.dialog-backdrop')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
