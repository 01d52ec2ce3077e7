import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangeHub, type ChangeSet } from './changes';

function change(overrides: Partial<ChangeSet> = {}): ChangeSet {
  return { leads: [], deletedLeads: [], candidates: [], deletedCandidates: [], tables: [], mutation: 'test', ...overrides };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ChangeHub', () => {
  it('delivers each change to every listener, in order, synchronously', () => {
    const hub = new ChangeHub();
    const a: string[] = [];
    const b: string[] = [];
    hub.subscribe((c) => a.push(c.mutation));
    hub.subscribe((c) => b.push(c.mutation));
    hub.emit(change({ mutation: 'one' }));
    hub.emit(change({ mutation: 'two' }));
    expect(a).toEqual(['one', 'two']);
    expect(b).toEqual(['one', 'two']);
  });

  it('stops delivering after unsubscribe', () => {
    const hub = new ChangeHub();
    const seen: string[] = [];
    const stop = hub.subscribe((c) => seen.push(c.mutation));
    hub.emit(change({ mutation: 'before' }));
    stop();
    hub.emit(change({ mutation: 'after' }));
    expect(seen).toEqual(['before']);
  });

  it('keeps delivering to the others when one listener throws', () => {
    const hub = new ChangeHub();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: string[] = [];
    hub.subscribe(() => {
      throw new Error('bad listener');
    });
    hub.subscribe((c) => seen.push(c.mutation));
    hub.emit(change({ mutation: 'x' }));
    expect(seen).toEqual(['x']);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('forwards local changes to the other contexts, but never remote ones back', () => {
    const hub = new ChangeHub();
    const forward = vi.fn();
    hub.forward = forward;
    const seen: boolean[] = [];
    hub.subscribe((c) => seen.push(Boolean(c.remote)));
    const local = change({ mutation: 'local' });
    hub.emit(local);
    hub.emit(change({ mutation: 'remote', remote: true }));
    expect(forward).toHaveBeenCalledTimes(1);
    expect(forward).toHaveBeenCalledWith(local);
    expect(seen).toEqual([false, true]);
  });
});
