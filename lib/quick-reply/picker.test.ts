// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PickerCandidate, PickerReply } from '../messaging/quick-reply-protocol';
import { filterReplies, renderFor } from './picker';

const replies: PickerReply[] = [
  { id: 'q1', title: 'Interview invite', body: 'Hi {{candidate_name}}, are you free for a call?' },
  { id: 'q2', title: 'Documents', body: 'Please send your résumé before the interview.' },
  { id: 'q3', title: 'Thanks', body: 'Thank you!' },
];

const maria: PickerCandidate = { id: 'c1', name: 'Maria Santos', detail: 'C-1', values: { candidate_name: 'Maria' }, blocked: null };

describe('filterReplies', () => {
  it('matches every word in the title or body, ignoring case and accents', () => {
    expect(filterReplies(replies, '').map((r) => r.id)).toEqual(['q1', 'q2', 'q3']);
    expect(filterReplies(replies, 'INTERVIEW').map((r) => r.id)).toEqual(['q1', 'q2']);
    expect(filterReplies(replies, 'resume interview').map((r) => r.id)).toEqual(['q2']);
    expect(filterReplies(replies, 'nothing like this')).toEqual([]);
  });
});

describe('renderFor', () => {
  it('renders tokens for the candidate', () => {
    expect(renderFor(replies[0]!, maria)).toMatchObject({ render: { text: 'Hi Maria, are you free for a call?', ok: true }, problem: null });
  });

  it('asks for the candidate when a reply names them and nobody is chosen', () => {
    expect(renderFor(replies[0]!, null).problem).toBe('This reply names the candidate: choose who it is for first.');
    expect(renderFor(replies[2]!, null).problem).toBeNull();
  });

  it('blocks unknown tokens and candidates marked Do not contact', () => {
    expect(renderFor({ id: 'q', title: 't', body: 'Hi {{nickname}}' }, maria).problem).toMatch(/^Unknown token: nickname/);
    expect(renderFor(replies[2]!, { ...maria, blocked: 'Maria Santos asked not to be contacted.' }).problem).toBe('Maria Santos asked not to be contacted.');
  });
});
