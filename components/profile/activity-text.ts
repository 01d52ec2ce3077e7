import type { Activity, Id } from '../../lib/domain/model';
import { formatPhone } from '../../lib/domain/phone';

/** How the activity trail names things it only has ids for. */
export interface ActivityNames {
  user(id: string): string;
  folder(id: Id): string;
  label(id: Id): string;
  attribute(key: string): string;
}

export interface ActivityText {
  who: string;
  text: string;
  /** "Field: before → after" lines. */
  details: string[];
}

const FIELD_LABELS: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  headline: 'Headline',
  company: 'Company',
  location: 'Location',
  linkedinUrl: 'LinkedIn',
  facebookUrl: 'Facebook',
  source: 'Source',
  rejectReason: 'Reject reason',
};

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** Plain values as text; anything else as JSON (never "[object Object]"). */
function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (key === 'phone' && typeof value === 'string') return formatPhone(value);
  return str(value);
}

function ids(value: unknown): Id[] {
  return Array.isArray(value) ? value.filter((v): v is Id => typeof v === 'string') : [];
}

/** One line of the activity trail: who did what, and the before → after of each field. */
export function describeActivity(a: Activity, names: ActivityNames): ActivityText {
  const before = record(a.before);
  const after = record(a.after);
  const who = names.user(a.actorId);
  const fieldName = (key: string) =>
    key.startsWith('attributes.') ? names.attribute(key.slice('attributes.'.length)) : (FIELD_LABELS[key] ?? key);
  switch (a.what) {
    case 'lead.moved':
      return {
        who,
        text: `moved this application from ${names.folder(str(before.folderId))} to ${names.folder(str(after.folderId))}`,
        details: [],
      };
    case 'lead.assigned': {
      const to = after.assignedTo ? names.user(str(after.assignedTo)) : 'nobody';
      const from = before.assignedTo ? names.user(str(before.assignedTo)) : 'nobody';
      return { who, text: `assigned this application to ${to}`, details: [`Recruiter: ${from} → ${to}`] };
    }
    case 'lead.labelAdded':
    case 'lead.labelRemoved': {
      const was = ids(before.labels);
      const now = ids(after.labels);
      const added = a.what === 'lead.labelAdded';
      const changed = added ? now.filter((l) => !was.includes(l)) : was.filter((l) => !now.includes(l));
      const list = changed.map((l) => `“${names.label(l)}”`).join(', ');
      return { who, text: `${added ? 'added' : 'removed'} ${changed.length === 1 ? 'label' : 'labels'} ${list}`, details: [] };
    }
    case 'lead.edited':
    case 'candidate.edited': {
      const keys = Object.keys(after);
      return {
        who,
        text: `edited ${keys.map(fieldName).join(', ')}`,
        details: keys.map((k) => `${fieldName(k)}: ${show(k, before[k])} → ${show(k, after[k])}`),
      };
    }
    case 'candidate.doNotContact': {
      const flag = record(after.doNotContact);
      return { who, text: 'marked this person do not contact', details: [`Reason: ${show('', flag.reason)}`] };
    }
    case 'candidate.contactAllowed':
      return { who, text: 'allowed contacting this person again', details: [] };
    case 'comment.added':
      return { who, text: 'added a comment', details: [] };
    case 'comment.edited':
      return { who, text: 'edited a comment', details: [`Before: ${show('', before.body)}`, `After: ${show('', after.body)}`] };
    case 'comment.deleted':
      return { who, text: 'deleted a comment', details: [] };
    case 'lead.deleted':
      return {
        who,
        text: `deleted application ${show('', before.ref)}${before.campaign ? ` (${str(before.campaign)})` : ''}`,
        details: [],
      };
    default:
      return { who, text: a.what, details: [] };
  }
}
