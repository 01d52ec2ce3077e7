import type { Candidate, Channel, Id, Lead, Message } from '../domain/model';
import { CUSTOM_FOLDER } from './tables';
import type { Random } from './random';

/**
 * A lead's chat history as a recruiting team's tools would have left it: a screening bot's
 * greeting and questions (the candidate's replies are the lead's `answers`), then what the
 * lead's folder implies (a shortlist note, an interview invite, a rejection, a follow-up that
 * was never answered). The last message is sent at the lead's lastActivityAt.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface ConversationInput {
  rng: Random;
  lead: Lead;
  candidate: Candidate;
  channel: Channel;
  /** The campaign's job title. */
  title: string;
  /** Who sends the recruiter's messages, and the first name they sign with (if known). */
  recruiter: { id: Id; firstName?: string };
  /** An Inbox lead whose latest reply came long after it was added. */
  followedUp: boolean;
  /** Candidate writes Taglish ("Yes po"). */
  taglish: boolean;
}

interface Step {
  direction: Message['direction'];
  sender: Message['sender'];
  kind: 'text' | 'event';
  body: string;
  /** Screening steps follow each other within minutes; later ones are spread out. */
  phase: 'screen' | 'later';
  /** A fixed time, when the step must be at one. */
  at?: number;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function conversation(input: ConversationInput): Message[] {
  const { rng, lead, candidate, channel, title } = input;
  const first = candidate.firstName;
  const steps: Step[] = [];
  const bot = (body: string, phase: Step['phase'] = 'screen', at?: number) =>
    steps.push({ direction: 'outbound', sender: 'bot', kind: 'text', body, phase, ...(at === undefined ? {} : { at }) });
  const recruiter = (body: string) => steps.push({ direction: 'outbound', sender: 'recruiter', kind: 'text', body, phase: 'later' });
  const reply = (body: string, phase: Step['phase'] = 'later') =>
    steps.push({ direction: 'inbound', sender: 'candidate', kind: 'text', body, phase });
  const event = (body: string) => steps.push({ direction: 'outbound', sender: 'system', kind: 'event', body, phase: 'later' });
  const signature = input.recruiter.firstName ? `this is ${input.recruiter.firstName} from the recruiting team` : 'this is the recruiting team';
  const folder = lead.folderId;

  // Opening: the screening bot (its questions are the lead's answers), or a recruiter's outreach.
  if (folder === 'no_response') {
    bot(
      rng.pick([
        `Hi ${first}! Thanks for your interest in the ${title} role. Are you still looking for a job? Reply YES to continue.`,
        `Hello ${first}, we received your application for ${title}. Do you have 2 minutes to answer a few questions?`,
      ]),
    );
  } else if (lead.answers.length > 0) {
    const n = lead.answers.length;
    bot(
      rng.pick([
        `Hi ${first}! 👋 Thanks for applying for ${title}. I have ${n === 1 ? 'one quick question' : `${n} quick questions`} for you.`,
        `Hello ${first}, thank you for your application for the ${title} position! Let's start with ${n === 1 ? 'a short question' : 'a few short questions'}.`,
        `Hi ${first}, thanks for applying to be our next ${title}. Mind answering ${n === 1 ? 'a quick question' : 'a few quick questions'}?`,
      ]),
    );
    for (const qa of lead.answers) {
      bot(qa.question);
      reply(qa.answer, 'screen');
    }
  } else {
    steps.push({
      direction: 'outbound',
      sender: 'recruiter',
      kind: 'text',
      phase: 'screen',
      // Sourced people (found on LinkedIn, imported, added by hand) get outreach; applicants a reply.
      body:
        lead.source === 'LinkedIn' || lead.source === 'Import' || lead.source === 'Manual'
          ? `Hi ${first}, ${signature}. I came across your profile and wanted to tell you about our ${title} opening. Would you be interested?`
          : `Hello ${first}! ${capitalize(signature)} — thanks for your interest in ${title}. Is now a good time to chat?`,
    });
    reply(
      input.taglish
        ? rng.pick(['Hello po! Yes po, interested po ako.', 'Hi po, yes available po ako'])
        : rng.pick(["Hi! Yes, I'm interested 😊", 'Yes, please tell me more.', 'Hello, yes I am interested.', 'Sure, thanks for reaching out!']),
      'screen',
    );
  }

  const closing = () =>
    bot(
      rng.pick([
        `Thank you, ${first}! That's everything for now. A recruiter will review your application and get back to you.`,
        `Thanks ${first}, your answers have been saved. We'll be in touch soon!`,
      ]),
    );

  switch (folder) {
    case 'inbox':
      if (input.followedUp) {
        reply(
          input.taglish
            ? rng.pick(['Good day po, follow up lang po sa application ko. Thank you po!', 'Hi po, any update po?'])
            : rng.pick(['Hi, any update on my application?', 'Hello, just following up on my application. Thanks!', 'Good morning! Is the position still open?']),
        );
      }
      break;
    case 'completed':
      if (lead.answers.length > 0) closing();
      break;
    case 'shortlisted':
      if (lead.answers.length > 0) closing();
      recruiter(`Hi ${first}, good news — you've been shortlisted for ${title}! We'll reach out shortly to schedule an interview.`);
      if (rng.chance(0.6)) reply(input.taglish ? 'Thank you po! 🙏' : rng.pick(['Thank you! 😊', "That's great news, thank you!", 'Thanks, looking forward to it.']));
      break;
    case CUSTOM_FOLDER.id: {
      const when = interviewTime(rng, lead.lastActivityAt);
      if (lead.answers.length > 0) closing();
      recruiter(`Hi ${first}, we'd like to invite you to an interview for ${title}. Are you available on ${when}?`);
      reply(input.taglish ? `Yes po, available po ako sa ${when}.` : rng.pick([`Yes, ${when} works for me.`, `Yes! See you on ${when}.`]));
      event(`Interview scheduled: ${when}`);
      break;
    }
    case 'on_hold':
      if (lead.answers.length > 0) closing();
      recruiter(`Hi ${first}, thanks for your patience. Your application for ${title} is on hold while the hiring manager reviews the shortlist. We'll update you as soon as we can.`);
      break;
    case 'hired':
      if (lead.answers.length > 0) closing();
      recruiter(`Congratulations, ${first}! 🎉 We're happy to offer you the ${title} position. I'll send the details of your first day shortly.`);
      reply(input.taglish ? 'Thank you so much po! 🙏 I accept po.' : rng.pick(['Thank you so much! I accept 🙏', 'Amazing, thank you! Happy to accept.', 'Thank you!! See you on my first day.']));
      event('Marked as hired');
      break;
    case 'rejected':
      if (lead.answers.length > 0) closing();
      recruiter(
        rng.pick([
          `Hi ${first}, thank you for your interest in ${title}. After careful review we've decided to move forward with other candidates. We wish you all the best!`,
          `Hello ${first}, thank you for taking the time to apply for ${title}. Unfortunately we won't be moving forward with your application at this time.`,
        ]),
      );
      if (candidate.doNotContact) reply(rng.pick(['STOP', 'Please stop messaging me.', 'Please remove me from your list.']));
      else if (rng.chance(0.35)) reply(input.taglish ? 'Okay po, thank you po sa opportunity.' : rng.pick(['Okay, thank you for letting me know.', 'Thanks for the opportunity.', 'Understood, thank you.']));
      break;
    case 'no_response': {
      // The follow-up went out a day or two after the greeting; 21 days later the rule moved it.
      const followUpAt = Math.max(lead.addedAt + 10 * MINUTE, lead.lastActivityAt - 21 * DAY - rng.int(1, 20) * HOUR);
      bot(`Hi ${first}, just checking in — are you still interested in ${title}? Reply YES to continue.`, 'later', followUpAt);
      event('Moved to No Response: no reply in 21 days');
      break;
    }
    default:
      break;
  }

  const times = stepTimes(rng, steps, lead.addedAt, lead.lastActivityAt);
  const subject = channel === 'email' ? `Your application for ${title}` : undefined;
  const messages: Message[] = new Array<Message>(steps.length);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const sentAt = times[i]!;
    const message: Message = {
      id: rng.ulid(sentAt),
      candidateId: candidate.id,
      leadId: lead.id,
      direction: step.direction,
      sender: step.sender,
      channel,
      kind: step.kind,
      body: step.body,
      attachments: [],
      status: step.direction === 'inbound' || step.sender !== 'recruiter' ? 'delivered' : rng.chance(0.75) ? 'handed_off' : 'delivered',
      sentAt,
      updatedAt: lead.updatedAt,
    };
    if (step.sender === 'recruiter') message.senderUserId = input.recruiter.id;
    if (subject && step.kind === 'text') message.subject = step.direction === 'inbound' ? `Re: ${subject}` : subject;
    messages[i] = message;
  }
  return messages;
}

/**
 * Send times, non-decreasing, within [addedAt, lastActivityAt], the last one exactly
 * lastActivityAt: screening steps minutes apart from the start, later steps spread up to the end.
 */
function stepTimes(rng: Random, steps: readonly Step[], addedAt: number, lastActivityAt: number): number[] {
  const times = new Array<number>(steps.length);
  let t = addedAt + rng.int(20, 180) * 1000;
  let screenEnd = addedAt;
  for (let i = 0; i < steps.length && steps[i]!.phase === 'screen'; i++) {
    if (i > 0) t += steps[i]!.direction === 'inbound' ? rng.int(30, 900) * 1000 : rng.int(5, 90) * 1000;
    times[i] = t;
    screenEnd = t;
  }
  let firstLater = steps.findIndex((s) => s.phase === 'later');
  if (firstLater < 0) firstLater = steps.length;
  const later = steps.length - firstLater;

  if (later === 0) {
    // The conversation ends with the screening: its last message is the lead's last activity.
    times[steps.length - 1] = lastActivityAt;
  } else {
    // Later steps: spread over (screenEnd, lastActivityAt], the last one at lastActivityAt.
    const from = Math.min(screenEnd, lastActivityAt);
    const span = lastActivityAt - from;
    const offsets: number[] = [];
    for (let i = 0; i < later - 1; i++) offsets.push(rng.next());
    offsets.sort((a, b) => a - b);
    for (let i = 0; i < later; i++) {
      const step = steps[firstLater + i]!;
      times[firstLater + i] = step.at ?? (i === later - 1 ? lastActivityAt : from + Math.floor(span * (0.05 + 0.9 * offsets[i]!)));
    }
  }

  // A quick lead (its last activity came before the screening would have ended): squeeze the
  // earlier messages into its dates. Then make the times strictly increasing, so that sorting
  // by time (or by id, which starts with the time) keeps the conversation's order.
  const n = times.length;
  times[n - 1] = lastActivityAt;
  const increasing = () => {
    for (let i = 1; i < n - 1; i++) times[i] = Math.max(times[i]!, times[i - 1]! + 1);
  };
  increasing();
  if (n > 1 && times[n - 2]! >= lastActivityAt) {
    const latest = times[n - 2]!;
    const room = Math.max(0, lastActivityAt - n - addedAt);
    const scale = latest > addedAt ? room / (latest - addedAt) : 0;
    for (let i = 0; i < n - 1; i++) times[i] = addedAt + Math.floor((times[i]! - addedAt) * scale);
    increasing();
  }
  // Only a lead shorter than a few milliseconds could still overflow: then times may tie.
  for (let i = 0; i < n; i++) times[i] = Math.min(times[i]!, lastActivityAt);
  return times;
}

function interviewTime(rng: Random, after: number): string {
  const day = new Date(after + rng.int(1, 5) * DAY);
  const hour = rng.pick(['9:00 AM', '10:00 AM', '10:30 AM', '1:00 PM', '2:30 PM', '4:00 PM']);
  return `${WEEKDAYS[day.getUTCDay()]!}, ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]!} at ${hour}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
