import type { ComponentChildren } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import {
  canonicalFacebookUrl,
  canonicalLinkedInUrl,
  describeFields,
  normalizeEmail,
  normalizePhone,
  type ContactKeys,
  type DuplicateMatch,
} from '../../lib/domain/duplicates';
import { SOURCES, type Id } from '../../lib/domain/model';
import { formatPhone } from '../../lib/domain/phone';
import { fullName } from '../../lib/domain/text';
import {
  validateCandidate,
  validatePlacement,
  type CandidateField,
  type PlacementField,
} from '../../lib/db/mutations/candidates';
import { campaignName, folderName, type AppState } from '../app/state';
import { Dialog } from '../ui/Dialog';
import {
  addApplicationFor,
  addCandidateByHand,
  applicationsOf,
  findDuplicatesFor,
  openExisting,
  type AddOutcome,
} from './add-candidate-actions';

type Field = CandidateField | PlacementField;

interface Form {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  linkedinUrl: string;
  facebookUrl: string;
  campaignId: Id;
  folderId: Id;
  source: string;
}

/** Field order: the first invalid one gets the focus. */
const ORDER: readonly Field[] = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'linkedinUrl',
  'facebookUrl',
  'campaignId',
  'folderId',
  'source',
];

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The contact details typed so far that are valid, normalised: what duplicates are looked up by. */
function contactOf(form: Form, country: Parameters<typeof normalizePhone>[1]): ContactKeys {
  const keys: ContactKeys = {};
  const email = form.email.trim() && normalizeEmail(form.email);
  const phone = form.phone.trim() && normalizePhone(form.phone, country);
  const linkedinUrl = form.linkedinUrl.trim() && canonicalLinkedInUrl(form.linkedinUrl);
  const facebookUrl = form.facebookUrl.trim() && canonicalFacebookUrl(form.facebookUrl);
  if (email) keys.email = email;
  if (phone) keys.phone = phone;
  if (linkedinUrl) keys.linkedinUrl = linkedinUrl;
  if (facebookUrl) keys.facebookUrl = facebookUrl;
  return keys;
}

/**
 * Pressing a button blurs the field being typed in, which shows that field's error and moves
 * the button down before the mouse is released: the click would be lost. Keeping the focus
 * where it is on mousedown avoids that; the button's action moves the focus where it belongs.
 */
const keepFocus = (e: MouseEvent) => e.preventDefault();

/**
 * Add a candidate by hand. Each field is checked where it is typed; nothing is saved until every
 * field is valid. A person already in Leadside (same email, phone or profile URL) is offered
 * instead of a twin: open them, or add an application for them in the chosen campaign.
 */
export function AddCandidateDialog({ state, onClose }: { state: AppState; onClose: () => void }) {
  const country = state.settings.value.defaultCountry;
  const openCampaigns = state.campaigns.value.filter((c) => c.status === 'open');
  const selected = state.view.value.campaignIds;
  const only = selected?.length === 1 ? selected[0] : undefined;
  const initialCampaign = only && openCampaigns.some((c) => c.id === only) ? only : '';

  const [form, setForm] = useState<Form>({
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    linkedinUrl: '',
    facebookUrl: '',
    campaignId: initialCampaign,
    folderId: 'inbox',
    source: 'Manual',
  });
  /** Fields typed into, then left: their errors show before submit. */
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const edited = useRef(new Set<keyof Form>());
  const [submitted, setSubmitted] = useState(false);
  const [placementChecked, setPlacementChecked] = useState(false);
  const [matches, setMatches] = useState<DuplicateMatch[]>([]);
  const [problem, setProblem] = useState<{ text: string; leadId?: Id } | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const dupRef = useRef<HTMLElement>(null);
  const baseId = useId();

  const candidateCheck = validateCandidate(form, country);
  const placementCheck = validatePlacement(form);
  const errors: Partial<Record<Field, string>> = {
    ...(candidateCheck.ok ? {} : candidateCheck.errors),
    ...(placementCheck.ok ? {} : placementCheck.errors),
  };
  const shown = (field: Field): string | undefined => {
    const placementField = field === 'campaignId' || field === 'folderId' || field === 'source';
    return submitted || touched.has(field) || (placementChecked && placementField) ? errors[field] : undefined;
  };

  // Look for the person as soon as a contact detail is valid, not only on submit.
  const contact = contactOf(form, country);
  const contactKey = JSON.stringify(contact);
  useEffect(() => {
    if (contactKey === '{}') {
      setMatches([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void findDuplicatesFor(state, contact).then((found) => {
        if (live) setMatches(found);
      });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [contactKey]);

  const set = (field: keyof Form) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    edited.current.add(field);
    setForm((f) => ({ ...f, [field]: value }));
    setProblem(null);
  };
  // An empty field left untouched is not an error yet (tabbing through is not a mistake).
  const blur = (field: Field) => () => {
    if (edited.current.has(field)) setTouched((t) => (t.has(field) ? t : new Set([...t, field])));
  };

  const focusField = (field: Field) => {
    formRef.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
  };

  const finish = (outcome: AddOutcome) => {
    if (outcome.ok) {
      onClose();
      return;
    }
    if (outcome.matches) setMatches(outcome.matches);
    setProblem({ text: outcome.message, leadId: outcome.existingLeadId });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setSubmitted(true);
    if (!candidateCheck.ok || !placementCheck.ok) {
      const first = ORDER.find((f) => errors[f]);
      if (first) focusField(first);
      return;
    }
    setSaving(true);
    // Checked again now: the live lookup may not have caught up with the last keystroke.
    const found = await findDuplicatesFor(state, candidateCheck.value);
    if (found.length > 0) {
      setSaving(false);
      setMatches(found);
      setProblem({ text: 'This person is already in Leadside: open them, or add an application for them, instead of adding them again.' });
      dupRef.current?.focus();
      return;
    }
    const outcome = await addCandidateByHand(state, form, placementCheck.value);
    setSaving(false);
    finish(outcome);
  };

  const addForExisting = async (candidateId: Id) => {
    setPlacementChecked(true);
    if (!placementCheck.ok) {
      const first = ORDER.find((f) => (f === 'campaignId' || f === 'folderId' || f === 'source') && errors[f]);
      if (first) focusField(first);
      return;
    }
    setSaving(true);
    const outcome = await addApplicationFor(state, candidateId, placementCheck.value);
    setSaving(false);
    finish(outcome);
  };

  const openLead = async (candidateId: Id) => {
    if (await openExisting(state, candidateId, form.campaignId || undefined)) onClose();
    else setProblem({ text: 'They have no application to open yet: add one for them instead.' });
  };

  const openProblemLead = (leadId: Id) => {
    state.batch(() => {
      state.screen.value = 'leads';
      state.previewId.value = leadId;
    });
    onClose();
  };

  const phoneHint = useMemo(() => {
    if (contact.phone) return `Saved as ${formatPhone(contact.phone)}`;
    return `Numbers without +country code are read as ${countryName(country)} numbers.`;
  }, [contact.phone, country]);

  const field = (name: Field, label: string, input: (a11y: Record<string, unknown>) => ComponentChildren, hint?: string) => {
    const error = shown(name);
    const errorId = `${baseId}-${name}-error`;
    const hintId = `${baseId}-${name}-hint`;
    const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
    const required = name === 'firstName' || name === 'lastName' || name === 'campaignId' || name === 'source';
    const inputId = `${baseId}-${name}`;
    // The label names the control alone; hint and error are its description.
    return (
      <div class={`field field-${name}`}>
        <label for={inputId}>
          {label}
          {required && (
            <span class="required" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </label>
        {input({
          id: inputId,
          name,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy,
          'aria-required': required ? true : undefined,
          onBlur: blur(name),
        })}
        {hint && (
          <span id={hintId} class="hint">
            {hint}
          </span>
        )}
        {error && (
          <span id={errorId} class="field-error">
            {error}
          </span>
        )}
      </div>
    );
  };

  const text = (name: keyof Form, type = 'text', autoComplete = 'off') => (a11y: Record<string, unknown>) => (
    <input type={type} value={form[name]} autoComplete={autoComplete} onInput={set(name)} {...a11y} />
  );

  return (
    <Dialog title="Add candidate" onClose={onClose}>
      <form ref={formRef} class="form add-candidate" onSubmit={(e) => void submit(e)} noValidate>
        <div class="field-row">
          {field('firstName', 'First name', text('firstName', 'text', 'given-name'))}
          {field('lastName', 'Last name', text('lastName', 'text', 'family-name'))}
        </div>
        {field('email', 'Email', text('email', 'email', 'email'))}
        {field('phone', 'Phone', text('phone', 'tel', 'tel'), phoneHint)}
        {field('linkedinUrl', 'LinkedIn profile URL', text('linkedinUrl', 'url'))}
        {field('facebookUrl', 'Facebook profile URL', text('facebookUrl', 'url'))}

        {matches.length > 0 && (
          <section
            ref={dupRef}
            class="duplicates"
            tabIndex={-1}
            aria-labelledby={`${baseId}-dups`}
          >
            <h3 id={`${baseId}-dups`}>Already in Leadside</h3>
            {matches.map((m) => (
              <Match
                key={m.candidate.id}
                state={state}
                match={m}
                busy={saving}
                onOpen={() => void openLead(m.candidate.id)}
                onAdd={() => void addForExisting(m.candidate.id)}
              />
            ))}
          </section>
        )}

        {field('campaignId', 'Campaign', (a11y) => (
          <select value={form.campaignId} onChange={set('campaignId')} {...a11y}>
            <option value="">Choose a campaign…</option>
            {openCampaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.location ? `${c.name} · ${c.location}` : c.name}
              </option>
            ))}
          </select>
        ), openCampaigns.length === 0 ? 'There is no open campaign yet: create one first.' : undefined)}
        <div class="field-row">
          {field('folderId', 'Folder', (a11y) => (
            <select value={form.folderId} onChange={set('folderId')} {...a11y}>
              {state.sortedFolders.value.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          ))}
          {field('source', 'Source', (a11y) => (
            <select value={form.source} onChange={set('source')} {...a11y}>
              <option value="">Choose a source…</option>
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          ))}
        </div>

        {problem && (
          <div class="form-problem" role="alert">
            <p class="field-error">{problem.text}</p>
            {problem.leadId && (
              <button type="button" onClick={() => openProblemLead(problem.leadId!)}>
                Open that application
              </button>
            )}
          </div>
        )}
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={saving} onMouseDown={keepFocus}>
            Add candidate
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Match(props: { state: AppState; match: DuplicateMatch; busy: boolean; onOpen: () => void; onAdd: () => void }) {
  const { state, match } = props;
  const c = match.candidate;
  const name = fullName(c) || 'Unnamed candidate';
  const apps = applicationsOf(state, c.id);
  return (
    <div class="match" role="group" aria-label={`${name} (${c.ref})`}>
      <p>
        <strong>{name}</strong> <span class="muted">({c.ref})</span> has the same {describeFields(match.fields)}.
      </p>
      {apps.length > 0 ? (
        <ul class="match-apps" aria-label={`Applications of ${name}`}>
          {apps.map((a) => (
            <li key={a.id}>
              {campaignName(state, a.campaignId)} · {folderName(state, a.folderId)} <span class="muted">({a.ref})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No applications yet.</p>
      )}
      <div class="match-actions">
        <button
          type="button"
          disabled={props.busy || (apps.length === 0 && state.progress.value.done)}
          onMouseDown={keepFocus}
          onClick={props.onOpen}
        >
          Open existing
        </button>
        <button type="button" class="primary" disabled={props.busy} onMouseDown={keepFocus} onClick={props.onAdd}>
          Add application for them
        </button>
      </div>
    </div>
  );
}
