/**
 * The saved messaging-site pages (tests/fixtures/threads) for the conversation detectors' tests:
 * parsed into a Document (optionally with some text replaced first), and their marked fields.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const DIR = path.resolve(import.meta.dirname, 'fixtures/threads');

export function loadThread(file: string, replace: Record<string, string> = {}): Document {
  let html = readFileSync(path.join(DIR, file), 'utf8');
  for (const [from, to] of Object.entries(replace)) html = html.split(from).join(to);
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The element a fixture marks with data-fixture-field="<name>". */
export function fixtureField(doc: Document, name: string): Element {
  const el = doc.querySelector(`[data-fixture-field="${name}"]`);
  if (!el) throw new Error(`fixture has no field ${name}`);
  return el;
}
