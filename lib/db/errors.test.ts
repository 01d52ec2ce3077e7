import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { StorageFullError, UserError, describeError, isQuotaError } from './errors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
  it('recognizes a QuotaExceededError DOMException', () => {
    expect(isQuotaError(quota())).toBe(true);
  });

  it('recognizes an AbortError whose inner error is a QuotaExceededError', () => {
    const abort = new Dexie.AbortError('Transaction aborted', quota());
    expect(abort.name).toBe('AbortError');
    expect(isQuotaError(abort)).toBe(true);
    // The same shape as a plain object, as it arrives when posted between contexts.
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
  });

  it("recognizes Dexie's own QuotaExceededError and errors whose cause is one", () => {
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Error('write failed', { cause: quota() }))).toBe(true);
    expect(isQuotaError(new StorageFullError(quota()))).toBe(true);
  });

  it('recognizes a bulk write whose failures are quota errors', () => {
    const bulk = new Dexie.BulkError('leads.bulkPut(): 3 of 100 operations failed', { 7: quota(), 8: quota() });
    expect(isQuotaError(bulk)).toBe(true);
  });

  it('rejects every other error', () => {
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted'))).toBe(false);
    expect(isQuotaError(new Dexie.AbortError('aborted', new Dexie.ConstraintError('dup')))).toBe(false);
    expect(isQuotaError(new Dexie.BulkError('failed', { 0: new Dexie.ConstraintError('dup') }))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(new UserError('full'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('stops on a cycle of causes instead of looping forever', () => {
    const a: { name: string; inner?: unknown } = { name: 'AbortError' };
    const b = { name: 'AbortError', inner: a };
    a.inner = b;
    expect(isQuotaError(a)).toBe(false);
  });
});

describe('StorageFullError', () => {
  it('says in plain words that nothing was saved, and keeps the technical cause', () => {
    const cause = quota();
    const error = new StorageFullError(cause);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StorageFullError');
    expect(error.message).toMatch(/out of storage space/);
    expect(error.message).toMatch(/nothing was saved/);
    expect(error.message).not.toMatch(/Quota|DOMException|IndexedDB/);
    expect(error.cause).toBe(cause);
  });
});

describe('describeError', () => {
  it('shows the storage message for quota errors, however wrapped', () => {
    expect(describeError(new Dexie.AbortError('aborted', quota()))).toBe(new StorageFullError().message);
  });

  it("shows a UserError's own message", () => {
    expect(describeError(new UserError('A campaign needs a job title.'))).toBe('A campaign needs a job title.');
  });

  it('hides technical messages behind a generic one', () => {
    const message = describeError(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(message).toBe('Something went wrong and nothing was changed. Please try again.');
    expect(describeError('boom')).toBe(message);
  });
});
