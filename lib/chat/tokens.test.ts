import { describe, expect, it } from 'vitest';
import { describeTokenProblems, renderTokens, templateProblems, tokenValues, tokensIn, type TokenValues } from './tokens';

const values: TokenValues = tokenValues({
  candidate: { firstName: 'Maria', lastName: 'Santos' },
  campaignName: 'Customer Service Representative',
  companyName: 'Acme BPO',
  recruiter: { name: 'Rhea Cruz', email: 'rhea@acme.test' },
});

describe('renderTokens', () => {
  it('renders both syntaxes, with or without spaces and the legacy @', () => {
    const r = renderTokens('Hi {{candidate_name}} / <%= @candidate_name %> / <%=candidate_last_name%> / {{ candidate_full_name }}', values);
    expect(r.ok).toBe(true);
    expect(r.text).toBe('Hi Maria / Maria / Santos / Maria Santos');
  });

  it('renders every DESIGN §1 token', () => {
    const r = renderTokens(
      '{{candidate_first_name}}|{{campaign_name}}|{{job_title}}|{{company_name}}|{{recruiter_name}}|{{recruiter_email}}',
      values,
    );
    expect(r).toMatchObject({ ok: true, text: 'Maria|Customer Service Representative|Customer Service Representative|Acme BPO|Rhea Cruz|rhea@acme.test' });
  });

  it('treats token names case-insensitively', () => {
    expect(renderTokens('{{Candidate_Name}}', values).text).toBe('Maria');
  });

  it('uses a fallback only when there is no value', () => {
    const none = tokenValues({ candidate: { firstName: '', lastName: '' } });
    expect(renderTokens('Hi {{candidate_name | "there"}}!', none)).toMatchObject({ ok: true, text: 'Hi there!' });
    expect(renderTokens("Hi <%= @candidate_name | 'there' %>!", none)).toMatchObject({ ok: true, text: 'Hi there!' });
    expect(renderTokens('Hi {{candidate_name | "there"}}!', values).text).toBe('Hi Maria!');
    expect(renderTokens('At {{company_name|""}}.', none)).toMatchObject({ ok: true, text: 'At .' });
  });

  it('reports unknown tokens and tokens with no value, never rendering them away silently', () => {
    const none = tokenValues({ candidate: { firstName: 'Ana', lastName: '' } });
    const r = renderTokens('Hi {{candidate_nmae}}, {{job_title}} at <%= @company_name %>, <%= @salary %> {{candidate_nmae}}', none);
    expect(r.ok).toBe(false);
    expect(r.unknown).toEqual(['candidate_nmae', 'salary']);
    expect(r.missing).toEqual(['job_title', 'company_name']);
    expect(describeTokenProblems(r).join(' ')).toMatch(/Unknown tokens: candidate_nmae, salary.*No value for this candidate: job_title/);
  });

  it('finds broken token syntax', () => {
    for (const t of ['Hi {{candidate_name', 'Hi <%= @candidate_name', 'Hi <%= %>', 'Hi {{}}', 'Hi candidate_name}}', 'Hi {{candidate name}}']) {
      const r = renderTokens(t, values);
      expect(r.ok, t).toBe(false);
      expect(r.broken.length, t).toBeGreaterThan(0);
    }
  });

  it('inserts hostile values literally, without re-expanding them', () => {
    const hostile = tokenValues({
      candidate: { firstName: '{{recruiter_email}}', lastName: '<script>alert(1)</script> & <%= @company_name %>' },
      companyName: '$& $1 $$',
      recruiter: { name: 'R', email: 'r@x' },
    });
    const r = renderTokens('{{candidate_name}} / {{candidate_last_name}} / {{company_name}}', hostile);
    expect(r.ok).toBe(true);
    expect(r.text).toBe('{{recruiter_email}} / <script>alert(1)</script> & <%= @company_name %> / $& $1 $$');
  });

  it('leaves text without tokens (HTML, RTL, emoji) as it is', () => {
    const text = '<b>bold</b> &amp; مرحبا 👋🏽 100% {x}';
    expect(renderTokens(text, values)).toMatchObject({ ok: true, text });
  });
});

describe('templateProblems / tokensIn', () => {
  it('judges a template whoever it is for', () => {
    expect(templateProblems('Hi {{candidate_name}} {{job_title}}')).toEqual({ unknown: [], broken: [] });
    expect(templateProblems('Hi {{nickname}} <%= @candidate_name')).toEqual({ unknown: ['nickname'], broken: ['<%= @candidate_name'] });
    expect(tokensIn('{{a}} <%= @b %> {{a}}')).toEqual(['a', 'b']);
  });
});
