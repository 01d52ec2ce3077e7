import type { AttributeType, Channel } from '../domain/model';
import { SOURCES } from '../domain/model';

/** Labels a recruiting team would make (names unique ignoring case; no "," "#" "?"). */
export const LABELS: readonly { name: string; color: string; weight: number }[] = [
  { name: 'Bilingual', color: '#2563eb', weight: 5 },
  { name: 'Urgent', color: '#dc2626', weight: 3 },
  { name: 'Top talent', color: '#ca8a04', weight: 3 },
  { name: 'Night shift OK', color: '#7c3aed', weight: 4 },
  { name: 'Needs visa sponsorship', color: '#ea580c', weight: 2 },
  { name: 'Rehire', color: '#0d9488', weight: 1.5 },
  { name: 'Follow up', color: '#db2777', weight: 3 },
];

export const ATTRIBUTE_DEFS: readonly { key: string; label: string; type: AttributeType }[] = [
  { key: 'years_experience', label: 'Years of experience', type: 'number' },
  { key: 'shift_preference', label: 'Shift preference', type: 'text' },
  { key: 'available_from', label: 'Available from', type: 'date' },
];

export const SHIFT_PREFERENCES: readonly (readonly [string, number])[] = [
  ['Day shift', 5],
  ['Night shift', 4],
  ['Mid shift', 2],
  ['Flexible', 4],
  ['Weekends only', 1],
];

/** Where leads come from: SOURCES of the domain model, weighted as a staffing team sees them. */
export const SOURCE_WEIGHTS: readonly (readonly [string, number])[] = SOURCES.map((source) => {
  const weights: Record<(typeof SOURCES)[number], number> = {
    LinkedIn: 20,
    Facebook: 24,
    Referral: 10,
    'Job board': 26,
    'Career fair': 5,
    'Walk-in': 4,
    Import: 8,
    Manual: 3,
  };
  return [source, weights[source]] as const;
});

/** The custom folder sample data adds (ids of folders are fixed, like the default ones). */
export const CUSTOM_FOLDER = { id: 'interview_scheduled', name: 'Interview Scheduled', order: 7 } as const;

/** Share of leads per folder: open campaigns, and closed ones (whose pipeline has drained). */
export const FOLDER_WEIGHTS_OPEN: readonly (readonly [string, number])[] = [
  ['inbox', 42],
  ['completed', 12],
  ['shortlisted', 9],
  ['on_hold', 5],
  ['hired', 4],
  ['rejected', 13],
  ['no_response', 11],
  [CUSTOM_FOLDER.id, 4],
];

export const FOLDER_WEIGHTS_CLOSED: readonly (readonly [string, number])[] = [
  ['completed', 8],
  ['shortlisted', 2],
  ['on_hold', 6],
  ['hired', 12],
  ['rejected', 45],
  ['no_response', 27],
];

export const REJECT_REASONS: readonly (readonly [string, number])[] = [
  ['Did not meet minimum experience', 6],
  ['Failed English assessment', 4],
  ['Salary expectations too high', 4],
  ['Not available for required shift', 4],
  ['Withdrew application', 3],
  ['No right to work in this country', 2],
  ['Position filled', 5],
  ['Failed background check', 1],
  ['No show for interview', 3],
  ['Commute too long', 2],
];

export const ATTACHMENT_KINDS = [
  { type: 'application/pdf', ext: 'pdf', weight: 8 },
  { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx', weight: 2 },
] as const;

export const QUICK_REPLIES: readonly { title: string; body: string; channels: Channel[]; personal: boolean }[] = [
  {
    title: 'Interview invite',
    body:
      'Hi {{candidate_name}}, thanks for applying for {{job_title}} at {{company_name}}! ' +
      'Are you free for a 15-minute call this week? Just reply with a day and time that works for you. ' +
      '— {{recruiter_name}}',
    channels: ['sms', 'whatsapp', 'facebook', 'email'],
    personal: false,
  },
  {
    title: 'Follow-up (no reply)',
    body:
      'Hi <%= @candidate_name %>, just following up on your application for <%= @campaign_name %>. ' +
      "Are you still interested? Reply YES and we'll get you scheduled.",
    channels: ['sms', 'whatsapp', 'facebook'],
    personal: false,
  },
  {
    title: 'Documents before interview',
    body:
      'Hi {{candidate_name | "there"}}, before your interview please send a copy of your resume and one ' +
      'valid government ID. Thank you! {{recruiter_name}} ({{recruiter_email}})',
    channels: ['email', 'whatsapp'],
    personal: true,
  },
];
