import { useId, useRef, useState } from 'preact/hooks';
import { SOURCES } from '../../lib/domain/model';
import {
  attributeField,
  validateCandidateDraft,
  validateLeadDraft,
  type CandidateDraft,
  type FieldErrors,
  type LeadDraft,
} from '../../lib/domain/validation';
import type { AppState } from '../app/state';
import { saveProfile, type ProfileData } from './actions';
import { Field } from './parts';

/**
 * Edits the person and the application together. Invalid fields say why, beside the field;
 * nothing is saved until every field is right; a failed save keeps what was typed.
 */
export function ProfileEditForm({ state, data, onDone }: { state: AppState; data: ProfileData; onDone: () => void }) {
  const { lead, candidate } = data;
  const defs = state.attributeDefs.value;
  const sourcesId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [person, setPerson] = useState<CandidateDraft>(() => ({
    firstName: candidate?.firstName ?? '',
    lastName: candidate?.lastName ?? '',
    email: candidate?.email ?? '',
    phone: candidate?.phone ?? '',
    headline: candidate?.headline ?? '',
    title: candidate?.title ?? '',
    company: candidate?.company ?? '',
    location: candidate?.location ?? '',
    linkedinUrl: candidate?.linkedinUrl ?? '',
    facebookUrl: candidate?.facebookUrl ?? '',
    about: candidate?.about ?? '',
    websites: (candidate?.websites ?? []).join('\n'),
  }));
  const [application, setApplication] = useState<LeadDraft>(() => ({
    source: lead.source,
    rejectReason: lead.rejectReason ?? '',
    attributes: Object.fromEntries(defs.map((d) => [d.key, lead.attributes[d.key] === undefined ? '' : String(lead.attributes[d.key])])),
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const setP = (key: keyof CandidateDraft) => (value: string) => setPerson((p) => ({ ...p, [key]: value }));
  const setA = (key: 'source' | 'rejectReason') => (value: string) => setApplication((a) => ({ ...a, [key]: value }));
  const setAttr = (key: string) => (value: string) =>
    setApplication((a) => ({ ...a, attributes: { ...a.attributes, [key]: value } }));

  const focusFirstInvalid = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const submit = async (e: Event) => {
    e.preventDefault();
    const country = state.settings.value.defaultCountry;
    const a = validateCandidateDraft(person, country);
    const b = validateLeadDraft(application, defs);
    const found = { ...(a.ok ? {} : a.errors), ...(b.ok ? {} : b.errors) };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setProblem('Nothing was saved: fix the fields marked below.');
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    const outcome = await saveProfile(state, lead.id, { candidate: person, lead: application });
    setSaving(false);
    if (outcome.ok) {
      onDone();
      return;
    }
    // The form keeps what was typed: the recruiter fixes it or tries again.
    setErrors(outcome.fields ?? {});
    setProblem(outcome.fields ? 'Nothing was saved: fix the fields marked below.' : outcome.error);
    if (outcome.fields) focusFirstInvalid();
  };

  return (
    <form
      ref={formRef}
      class="form profile-form"
      aria-label="Edit profile"
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <Field label="First name" value={person.firstName} error={errors.firstName} onInput={setP('firstName')} />
      <Field label="Last name" value={person.lastName} error={errors.lastName} onInput={setP('lastName')} />
      <Field label="Email" type="email" value={person.email} error={errors.email} onInput={setP('email')} />
      <Field
        label="Phone"
        type="tel"
        value={person.phone}
        error={errors.phone}
        onInput={setP('phone')}
        placeholder={`e.g. +44 7911 123456 (default ${state.settings.value.defaultCountry})`}
      />
      <Field label="Source" value={application.source} error={errors.source} onInput={setA('source')} list={sourcesId} />
      <datalist id={sourcesId}>
        {SOURCES.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <Field label="Headline" value={person.headline} error={errors.headline} onInput={setP('headline')} />
      <Field label="Job title" value={person.title} error={errors.title} onInput={setP('title')} />
      <Field label="Company" value={person.company} error={errors.company} onInput={setP('company')} />
      <Field label="Location" value={person.location} error={errors.location} onInput={setP('location')} />
      <Field label="LinkedIn URL" type="url" value={person.linkedinUrl} error={errors.linkedinUrl} onInput={setP('linkedinUrl')} />
      <Field label="Facebook URL" type="url" value={person.facebookUrl} error={errors.facebookUrl} onInput={setP('facebookUrl')} />
      <Field label="Websites (one a line)" multiline value={person.websites} error={errors.websites} onInput={setP('websites')} />
      <Field label="About" multiline value={person.about} error={errors.about} onInput={setP('about')} />
      {defs.map((d) => (
        <Field
          key={d.key}
          label={d.label}
          value={application.attributes[d.key] ?? ''}
          error={errors[attributeField(d.key)]}
          onInput={setAttr(d.key)}
          inputMode={d.type === 'number' ? 'decimal' : undefined}
          placeholder={d.type === 'date' ? 'YYYY-MM-DD' : undefined}
        />
      ))}
      <Field label="Reject reason" value={application.rejectReason} error={errors.rejectReason} onInput={setA('rejectReason')} />
      <div class="dialog-actions">
        <button type="button" onClick={onDone} disabled={saving}>
          Cancel
        </button>
        <button type="submit" class="primary" disabled={saving}>
          Save
        </button>
      </div>
    </form>
  );
}
