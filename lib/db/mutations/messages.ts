/**
 * Sending messages and managing quick replies (issue 6). `sendMessage` renders the template
 * inside its transaction from what is stored (candidate, lead, campaign, workspace, you) and
 * refuses a Do-not-contact candidate, a Duplicate Message (DESIGN §1) and a token it cannot
 * render, so nothing with raw token syntax is ever logged as sent. `prepareMessage` is the same
 * check without writing: the composer uses it before a hand-off link is opened.
 */
import type { Attachment, Candidate, Channel, Id, Lead, Message, QuickReply, Role, User } from '../../domain/model';
import { can, type Action } from '../../domain/permissions';
import { duplicateMessage, isDuplicate } from '../../chat/duplicate-guard';
import { facebookIdFromUrl } from '../../chat/links';
import { describeTokenProblems, renderTokens, templateProblems, tokenValues, type RenderResult, type TokenValues } from '../../chat/tokens';
import { UserError } from '../errors';
import { lastConversationalMessage } from './chat-history';
import { mutate, newId, type MutationContext, type MutationScope } from '../mutate';
import type { LeadsideDB } from '../schema';

/** Longest message body, in characters (a 5 MB paste is refused long before this). */
export const MAX_MESSAGE_LENGTH = 20_000;
/** Largest attachment; checked before anything is stored. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;
export const MAX_QUICK_REPLY_TITLE = 100;

export const SENDABLE_CHANNELS = ['sms', 'facebook', 'email', 'whatsapp'] as const satisfies readonly Channel[];

export const CHANNEL_LABELS: Record<Channel, string> = {
  sms: 'SMS',
  facebook: 'Facebook',
  email: 'Email',
  whatsapp: 'WhatsApp',
  linkedin: 'LinkedIn',
};

const ROLE_REFUSALS: Partial<Record<Action, string>> = {
  'lead.message': 'Your role does not allow sending messages.',
  'quickReply.manage': 'Only owners and managers can create, edit or delete quick replies.',
};

export function roleRefusal(action: Action): string {
  return ROLE_REFUSALS[action] ?? 'Your role does not allow this.';
}

async function requireRole(db: LeadsideDB, actorId: Id, action: Action, actingRole?: Role): Promise<void> {
  const user = await db.users.get(actorId);
  // The dev-only "act as role" narrows what the stored role allows; it never widens it.
  if (!can(user, action) || (actingRole && !can({ role: actingRole }, action))) throw new UserError(roleRefusal(action));
}

export function fullName(c: Pick<Candidate, 'firstName' | 'lastName'>): string {
  return `${c.firstName} ${c.lastName}`.trim() || 'this candidate';
}

/** Why a candidate cannot be reached on a channel, or null when they can. */
export function unreachableReason(candidate: Candidate, channel: Channel): string | null {
  switch (channel) {
    case 'sms':
    case 'whatsapp':
      return candidate.phone ? null : 'No phone number on file';
    case 'email':
      return candidate.email ? null : 'No email address on file';
    case 'facebook':
      if (!candidate.facebookUrl) return 'No Facebook profile on file';
      return facebookIdFromUrl(candidate.facebookUrl) ? null : 'The Facebook profile link has no Messenger id';
    case 'linkedin':
      return 'LinkedIn messages are not sent from the composer';
  }
}

export function doNotContactReason(candidate: Candidate): string | null {
  if (!candidate.doNotContact) return null;
  const why = candidate.doNotContact.reason.trim();
  return `${fullName(candidate)} is marked Do not contact${why ? ` (${why})` : ''}: no messages can be sent.`;
}

/** The lead a message belongs to: the one the chat was opened from, else the most recent one. */
async function resolveLead(db: LeadsideDB, candidateId: Id, leadId?: Id): Promise<Lead | undefined> {
  if (leadId) {
    const lead = await db.leads.get(leadId);
    if (lead && lead.candidateId === candidateId) return lead;
  }
  const leads = await db.leads.where('candidateId').equals(candidateId).toArray();
  return leads.sort((a, b) => b.addedAt - a.addedAt || (a.id < b.id ? 1 : -1))[0];
}

export interface TokenData {
  candidate: Candidate;
  lead: Lead | undefined;
  values: TokenValues;
}

/** The token values for one candidate, as stored now. */
export async function loadTokenData(db: LeadsideDB, candidateId: Id, leadId: Id | undefined, recruiterId: Id): Promise<TokenData | null> {
  const candidate = await db.candidates.get(candidateId);
  if (!candidate) return null;
  const lead = await resolveLead(db, candidateId, leadId);
  const campaign = lead ? await db.campaigns.get(lead.campaignId) : undefined;
  const workspace = (await db.workspaces.toCollection().first()) ?? undefined;
  const recruiter: User | undefined = await db.users.get(recruiterId);
  const values = tokenValues({
    candidate,
    campaignName: campaign?.name,
    companyName: workspace?.name,
    recruiter: recruiter ? { name: recruiter.name, email: recruiter.email } : undefined,
  });
  return { candidate, lead, values };
}

export interface MessageDraft {
  candidateId: Id;
  /** The lead the chat was opened from (tokens and lastActivityAt); else the most recent lead. */
  leadId?: Id;
  channel: Channel;
  /** The text as typed, tokens and all. */
  body: string;
  /** Email only; may hold tokens too. */
  subject?: string;
  attachments?: Attachment[];
}

export interface PreparedMessage {
  candidate: Candidate;
  lead: Lead | undefined;
  text: string;
  subject: string | undefined;
  render: RenderResult;
}

/** Channels a text typed on another site may be logged under (quick replies in any tab). */
export const LOGGABLE_CHANNELS = [...SENDABLE_CHANNELS, 'linkedin'] as const satisfies readonly Channel[];

function checkDraftShape(draft: MessageDraft, options: Pick<SendOptions, 'preRendered'> = {}): void {
  const channels: readonly string[] = options.preRendered ? LOGGABLE_CHANNELS : SENDABLE_CHANNELS;
  if (!channels.includes(draft.channel)) throw new UserError('Choose a channel: SMS, Facebook, Email or WhatsApp.');
  if (draft.body.length > MAX_MESSAGE_LENGTH) {
    throw new UserError(`This message is ${draft.body.length.toLocaleString('en')} characters long; the limit is ${MAX_MESSAGE_LENGTH.toLocaleString('en')}.`);
  }
  const attachments = draft.attachments ?? [];
  if (!draft.body.trim() && attachments.length === 0) throw new UserError('Write a message (or attach a file) first.');
  if (attachments.length > MAX_ATTACHMENTS) throw new UserError(`At most ${MAX_ATTACHMENTS} attachments per message.`);
  for (const a of attachments) {
    const problem = attachmentProblem(a);
    if (problem) throw new UserError(problem);
  }
}

export function attachmentProblem(file: { name: string; size: number }): string | null {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return `“${file.name}” is ${formatBytes(file.size)}; attachments are limited to ${formatBytes(MAX_ATTACHMENT_BYTES)}. Nothing was attached.`;
  }
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Every check of a send, without writing: throws the UserError sendMessage would throw. The
 * guard reads only the newest conversational message (`[candidateId+sentAt]`, backwards).
 */
export async function prepareMessage(
  db: LeadsideDB,
  actorId: Id,
  draft: MessageDraft,
  options: Pick<SendOptions, 'preRendered'> = {},
): Promise<PreparedMessage> {
  checkDraftShape(draft, options);
  const data = await loadTokenData(db, draft.candidateId, draft.leadId, actorId);
  if (!data) throw new UserError('That candidate no longer exists.');
  const dnc = doNotContactReason(data.candidate);
  if (dnc) throw new UserError(dnc);
  // Already rendered elsewhere (a quick reply inserted on another site): rendering again could
  // turn a value that looks like a token (a name such as "{{x}}") into an error.
  const render = options.preRendered ? { text: draft.body, unknown: [], missing: [], broken: [], ok: true } : renderTokens(draft.body, data.values);
  const subjectRender = draft.channel === 'email' && draft.subject ? renderTokens(draft.subject, data.values) : null;
  const problems = [...describeTokenProblems(render), ...(subjectRender ? describeTokenProblems(subjectRender).map((p) => `Subject: ${p}`) : [])];
  if (problems.length > 0) throw new UserError(problems.join(' '));
  // The guard compares with the last conversational message only (DESIGN §1): read just that.
  const last = render.text.trim() ? await lastConversationalMessage({ db }, draft.candidateId) : null;
  if (last && isDuplicate([last], render.text)) throw new UserError(duplicateMessage(fullName(data.candidate)));
  return { candidate: data.candidate, lead: data.lead, text: render.text.trim(), subject: subjectRender?.text.trim() || undefined, render };
}

export interface SendOptions {
  /** The role the UI acts as (dev "act as role"); the stored role is checked as well. */
  actingRole?: Role;
  /** Local mode logs hand-offs; team mode queues for the server. Default 'handed_off'. */
  status?: Extract<Message['status'], 'handed_off' | 'queued'>;
  /**
   * The body is final text, not a template (a quick reply rendered and inserted on another
   * site): it is logged as it is, and may also be logged under the LinkedIn channel.
   */
  preRendered?: boolean;
}

function kindOf(attachments: readonly Attachment[]): Message['kind'] {
  if (attachments.length === 0) return 'text';
  const types = attachments.map((a) => a.type.split('/')[0]);
  if (types.every((t) => t === 'image')) return 'image';
  if (types.every((t) => t === 'audio')) return 'audio';
  if (types.every((t) => t === 'video')) return 'video';
  return 'file';
}

async function logMessage(scope: MutationScope, draft: MessageDraft, options: SendOptions): Promise<Message> {
  await requireRole(scope.db, scope.actorId, 'lead.message', options.actingRole);
  const prepared = await prepareMessage(scope.db, scope.actorId, draft, options);
  const attachments = (draft.attachments ?? []).map((a) => ({ ...a }));
  const message: Message = {
    id: newId(scope.now),
    candidateId: draft.candidateId,
    direction: 'outbound',
    sender: 'recruiter',
    senderUserId: scope.actorId,
    channel: draft.channel,
    kind: kindOf(attachments),
    body: prepared.text,
    attachments,
    status: options.status ?? 'handed_off',
    sentAt: scope.now,
    updatedAt: scope.now,
  };
  if (prepared.lead) message.leadId = prepared.lead.id;
  if (draft.channel === 'email' && prepared.subject) message.subject = prepared.subject;
  await scope.db.messages.add(message);
  if (prepared.lead && prepared.lead.lastActivityAt < scope.now) {
    const lead: Lead = { ...prepared.lead, lastActivityAt: scope.now, updatedAt: scope.now };
    await scope.db.leads.put(lead);
    scope.wroteLeads([lead]);
  }
  return message;
}

const SEND_TABLES = ['messages', 'candidates', 'leads', 'campaigns', 'workspaces', 'users'] as const;

/** Logs one outbound message (after its hand-off was opened), or refuses with the reason. */
export async function sendMessage(ctx: MutationContext, draft: MessageDraft, options: SendOptions = {}): Promise<Message> {
  checkDraftShape(draft, options);
  // The outbox gets the message without the bytes of its attachments (they sync on their own).
  const args = { ...draft, attachments: (draft.attachments ?? []).map(({ id, name, type, size }) => ({ id, name, type, size })) };
  return mutate(ctx, 'sendMessage', args, SEND_TABLES, (scope) => logMessage(scope, draft, options));
}

// ---------------------------------------------------------------------------------------------
// Quick replies
// ---------------------------------------------------------------------------------------------

export interface QuickReplyDraft {
  title: string;
  body: string;
  channels: Channel[];
  /** Personal: only you see it. Shared: the whole workspace. */
  personal: boolean;
}

export interface QuickReplyOptions {
  actingRole?: Role;
  /** The recruiter saw the warning about broken or unknown tokens and saves anyway. */
  acknowledgeTokenProblems?: boolean;
}

/** The warning shown before a quick reply with token problems may be saved; null when fine. */
export function quickReplyTokenWarning(body: string): string | null {
  const { unknown, broken } = templateProblems(body);
  if (unknown.length === 0 && broken.length === 0) return null;
  const problems = describeTokenProblems({ unknown, missing: [], broken });
  return `${problems.join(' ')} Candidates would not get this text until it is fixed.`;
}

function cleanQuickReply(draft: QuickReplyDraft, options: QuickReplyOptions): QuickReplyDraft {
  const title = draft.title.trim().replace(/\s+/g, ' ');
  const body = draft.body.replace(/\r\n?/g, '\n').trim();
  if (!title) throw new UserError('Give the quick reply a title (it is never sent).');
  if (title.length > MAX_QUICK_REPLY_TITLE) throw new UserError(`Titles are limited to ${MAX_QUICK_REPLY_TITLE} characters.`);
  if (!body) throw new UserError('Write the text of the quick reply.');
  if (body.length > MAX_MESSAGE_LENGTH) throw new UserError(`Quick replies are limited to ${MAX_MESSAGE_LENGTH.toLocaleString('en')} characters.`);
  const channels = SENDABLE_CHANNELS.filter((c) => draft.channels.includes(c));
  if (channels.length === 0) throw new UserError('Choose at least one channel for the quick reply.');
  const warning = quickReplyTokenWarning(body);
  if (warning && !options.acknowledgeTokenProblems) throw new UserError(warning);
  return { title, body, channels, personal: draft.personal };
}

export async function createQuickReply(ctx: MutationContext, draft: QuickReplyDraft, options: QuickReplyOptions = {}): Promise<QuickReply> {
  const clean = cleanQuickReply(draft, options);
  return mutate(ctx, 'createQuickReply', clean, ['quickReplies', 'users'], async (scope) => {
    await requireRole(scope.db, scope.actorId, 'quickReply.manage', options.actingRole);
    const reply: QuickReply = { id: newId(scope.now), title: clean.title, body: clean.body, channels: clean.channels, updatedAt: scope.now };
    if (clean.personal) reply.ownerId = scope.actorId;
    await scope.db.quickReplies.add(reply);
    return reply;
  });
}

export async function updateQuickReply(
  ctx: MutationContext,
  id: Id,
  draft: QuickReplyDraft,
  options: QuickReplyOptions = {},
): Promise<QuickReply> {
  const clean = cleanQuickReply(draft, options);
  return mutate(ctx, 'updateQuickReply', { id, ...clean }, ['quickReplies', 'users'], async (scope) => {
    await requireRole(scope.db, scope.actorId, 'quickReply.manage', options.actingRole);
    const current = await scope.db.quickReplies.get(id);
    if (!current) throw new UserError('That quick reply no longer exists.');
    if (current.ownerId && current.ownerId !== scope.actorId) throw new UserError('That quick reply is someone else’s personal one.');
    const next: QuickReply = { ...current, title: clean.title, body: clean.body, channels: clean.channels, updatedAt: scope.now };
    if (clean.personal) next.ownerId = scope.actorId;
    else delete next.ownerId;
    await scope.db.quickReplies.put(next);
    return next;
  });
}

export async function deleteQuickReply(ctx: MutationContext, id: Id, options: Pick<QuickReplyOptions, 'actingRole'> = {}): Promise<void> {
  await mutate(ctx, 'deleteQuickReply', { id }, ['quickReplies', 'users'], async (scope) => {
    await requireRole(scope.db, scope.actorId, 'quickReply.manage', options.actingRole);
    const current = await scope.db.quickReplies.get(id);
    if (!current) return;
    if (current.ownerId && current.ownerId !== scope.actorId) throw new UserError('That quick reply is someone else’s personal one.');
    await scope.db.quickReplies.delete(id);
    await scope.tombstone('quickReplies', id);
  });
}

/** The quick replies you may use: shared ones and your personal ones, by title. */
export async function quickRepliesFor(db: LeadsideDB, userId: Id): Promise<QuickReply[]> {
  const all = await db.quickReplies.toArray();
  return all
    .filter((q) => !q.ownerId || q.ownerId === userId)
    .sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }));
}
