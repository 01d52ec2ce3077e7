/**
 * Reads a candidate draft from a LinkedIn profile page (DESIGN §4). Pure: `root` is the page's
 * document (or a parsed fixture), nothing is changed, nothing runs. Sources, most trusted first:
 * the JSON LinkedIn embeds (matched to this profile's vanity name, so the viewer and the side
 * rails' people are never taken), JSON-LD, the top card's semantic DOM and the Experience card,
 * og: tags, the title.
 */
import { canonicalLinkedInUrl } from '../../domain/duplicates';
import {
  CAPTURE_LIMITS,
  capturePhotoUrl,
  cleanEmail,
  cleanPersonName,
  cleanPhone,
  cleanText,
  cleanUrl,
  finishDraft,
  first,
  isObject,
  isScreenReaderOnly,
  safeJson,
  splitName,
  str,
  visibleText,
  walkJson,
  type CaptureDraft,
  type Json,
} from '../draft';
import { linkedInProfileUrl } from './detect';
import { LINKEDIN, LINKEDIN_BUTTON_ANCHOR } from './selectors';

interface Partial {
  firstName?: string;
  lastName?: string;
  fullName?: string;
  headline?: string;
  title?: string;
  company?: string;
  location?: string;
  photo?: string;
  about?: string;
  email?: string;
  phone?: string;
  websites?: string[];
}

const T = CAPTURE_LIMITS.text;

export function parse(root: Document, url: string): CaptureDraft | null {
  const profileUrl = linkedInProfileUrl(url);
  if (!profileUrl) return null;
  const vanity = decodeURIComponent(profileUrl.slice(profileUrl.indexOf('/in/') + 4));
  const sources = [fromEmbedded(root, vanity), fromJsonLd(root, profileUrl), fromDom(root, url), fromOg(root, profileUrl), fromTitle(root)];

  let name = { firstName: '', lastName: '' };
  for (const s of sources) {
    if (s.firstName && s.lastName) {
      name = { firstName: cleanPersonName(s.firstName), lastName: cleanPersonName(s.lastName) };
    } else if (s.fullName) {
      name = splitName(cleanPersonName(s.fullName));
    }
    if (name.firstName) break;
  }
  if (!name.firstName) return null;

  const pick = (key: keyof Omit<Partial, 'websites'>) => first(...sources.map((s) => s[key]));
  const headline = cleanText(pick('headline'), T);
  const company = cleanText(pick('company'), T) || companyFromHeadline(headline);
  return finishDraft({
    site: 'linkedin',
    name,
    headline,
    title: cleanText(pick('title'), T),
    company,
    location: cleanText(pick('location'), T),
    // The first photo on LinkedIn's own CDN: a DOM src elsewhere (a placeholder) gives way to og:image.
    photo: first(...sources.map((s) => capturePhotoUrl(s.photo, 'linkedin'))),
    about: cleanText(pick('about'), CAPTURE_LIMITS.about),
    profileUrl,
    email: cleanEmail(pick('email')),
    phone: cleanPhone(pick('phone')),
    websites: sources.flatMap((s) => s.websites ?? []).map((w) => cleanUrl(w)),
  });
}

/** "Recruiter at Acme Corp" → "Acme Corp". */
function companyFromHeadline(headline: string): string {
  const match = /\b(?:at|@)\s+([^|·,]+?)\s*(?:[|·,]|$)/u.exec(headline);
  return match ? cleanText(match[1], T) : '';
}

function isAmongOtherPeople(el: Element): boolean {
  return el.closest(LINKEDIN.otherPeople) !== null;
}

/** The first match of `selector` under `scope` that is not in the nav or a side rail. */
function own(scope: ParentNode, selector: string): Element | null {
  for (const el of Array.from(scope.querySelectorAll(selector))) if (!isAmongOtherPeople(el)) return el;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Embedded JSON (logged-in pages)
// ---------------------------------------------------------------------------------------------

function fromEmbedded(root: Document, vanity: string): Partial {
  let blocks = Array.from(root.querySelectorAll(LINKEDIN.embeddedJson.primary));
  if (blocks.length === 0) blocks = Array.from(root.querySelectorAll(LINKEDIN.embeddedJson.fallback));
  const objects: Json[] = [];
  for (const block of blocks) {
    const text = block.textContent?.trim();
    if (!text?.startsWith('{') && !text?.startsWith('[')) continue;
    walkJson(safeJson(text), (obj) => {
      objects.push(obj);
    });
  }
  const profile = objects.find((o) => str(o, 'publicIdentifier').toLowerCase() === vanity && (str(o, 'firstName') || str(o, 'lastName')));
  if (!profile) return {};
  const out: Partial = {
    firstName: str(profile, 'firstName'),
    lastName: str(profile, 'lastName'),
    headline: str(profile, 'headline') || str(profile, 'occupation'),
    location: str(profile, 'locationName') || str(profile, 'geoLocationName'),
    about: str(profile, 'summary'),
    photo: pictureUrl(profile['profilePicture']) || pictureUrl(profile['picture']),
  };
  // Current position: a Position entity of this profile (its urn names the profile) with no end.
  const urnId = /\(([^,)]+)|:([^:]+)$/.exec(str(profile, 'entityUrn'));
  const id = urnId?.[1] ?? urnId?.[2];
  if (id) {
    const position = objects.find(
      (o) =>
        /Position$/.test(str(o, '$type')) &&
        str(o, 'entityUrn').includes(id) &&
        !(isObject(o['dateRange']) && isObject((o['dateRange'])['end'])),
    );
    if (position) {
      out.title = str(position, 'title');
      out.company = str(position, 'companyName');
    }
  }
  return out;
}

/** A vector image's largest artifact (`rootUrl` + path segment), or ''. */
function pictureUrl(value: unknown): string {
  let found = '';
  walkJson(value, (obj) => {
    const rootUrl = str(obj, 'rootUrl');
    const artifacts = obj['artifacts'];
    if (!rootUrl || !Array.isArray(artifacts)) return false;
    let best: { width: number; path: string } | null = null;
    for (const a of artifacts) {
      const path = str(a, 'fileIdentifyingUrlPathSegment');
      const width = isObject(a) && typeof a['width'] === 'number' ? a['width'] : 0;
      if (path && (!best || width > best.width)) best = { width, path };
    }
    if (best) found = rootUrl + best.path;
    return true;
  });
  return found;
}

// ---------------------------------------------------------------------------------------------
// JSON-LD (logged-out public pages)
// ---------------------------------------------------------------------------------------------

function fromJsonLd(root: Document, profileUrl: string): Partial {
  const people: Json[] = [];
  for (const script of Array.from(root.querySelectorAll(LINKEDIN.jsonLd))) {
    walkJson(safeJson(script.textContent), (obj) => {
      const type = obj['@type'];
      if (type === 'Person' || (Array.isArray(type) && type.includes('Person'))) people.push(obj);
    });
  }
  const person =
    people.find((p) => canonicalLinkedInUrl(str(p, 'url')) === profileUrl) ??
    people.find((p) => Array.isArray(p['sameAs']) && p['sameAs'].some((s) => typeof s === 'string' && canonicalLinkedInUrl(s) === profileUrl));
  if (!person) return {};
  const jobTitle = person['jobTitle'];
  const worksFor = Array.isArray(person['worksFor']) ? (person['worksFor'] as unknown[])[0] : person['worksFor'];
  const address = Array.isArray(person['address']) ? (person['address'] as unknown[])[0] : person['address'];
  const image = person['image'];
  const locality = str(address, 'addressLocality');
  const country = str(address, 'addressCountry');
  return {
    firstName: str(person, 'givenName'),
    lastName: str(person, 'familyName'),
    fullName: str(person, 'name'),
    title: typeof jobTitle === 'string' ? jobTitle : Array.isArray(jobTitle) && typeof jobTitle[0] === 'string' ? jobTitle[0] : '',
    company: str(worksFor, 'name'),
    location: [locality, country].filter(Boolean).join(', '),
    photo: typeof image === 'string' ? image : str(image, 'contentUrl') || str(image, 'url'),
    about: str(person, 'description'),
  };
}

// ---------------------------------------------------------------------------------------------
// DOM (semantic first, generated classes last)
// ---------------------------------------------------------------------------------------------

function topCard(root: Document): Element | null {
  const classic = own(root, LINKEDIN.topCard.primary);
  if (classic) return classic;
  const h1 = own(root, LINKEDIN.topCard.fallback);
  return h1?.closest('section') ?? h1?.parentElement ?? null;
}

function fromDom(root: Document, url: string): Partial {
  const card = topCard(root);
  const scope: ParentNode = card ?? root;
  const nameEl = own(scope, LINKEDIN.name.primary) ?? own(root, LINKEDIN.name.fallback);
  const out: Partial = { fullName: visibleText(nameEl) };

  let headlineEl = own(scope, LINKEDIN.headline.primary) ?? own(scope, LINKEDIN.headline.fallback);
  if (!headlineEl && nameEl && card) headlineEl = firstTextAfter(card, nameEl);
  out.headline = visibleText(headlineEl);

  const locationEl = card ? own(card, LINKEDIN.location.primary) : null;
  if (locationEl) out.location = visibleText(locationEl);
  else {
    const contact = own(scope, LINKEDIN.location.fallback);
    const holder = contact?.parentElement;
    if (holder) {
      const prev = holder.previousElementSibling;
      const beside = Array.from(holder.children).find((c) => c !== contact && !c.contains(contact));
      out.location = visibleText(beside ?? prev);
    }
  }

  const companyButton = own(scope, LINKEDIN.currentCompany.primary);
  const label = companyButton?.getAttribute('aria-label') ?? '';
  const buttonCompany = /^Current company:\s*(.+?)\.?\s*(?:Click to skip.*)?$/u.exec(label)?.[1] ?? '';
  const experience = experienceCard(root);
  const position = experience ? pickPosition(positions(experience), buttonCompany) : null;
  out.title = position?.title ?? '';
  out.company = position?.company || buttonCompany;

  const photo = card ? (own(card, LINKEDIN.photo.primary) ?? imageOfName(card, out.fullName ?? '')) : null;
  out.photo = photo?.getAttribute('src') ? cleanUrl(photo.getAttribute('src'), url) : '';

  const about = own(root, LINKEDIN.about.primary);
  const aboutCard = about?.closest('section');
  if (aboutCard) {
    const body = aboutCard.querySelector('.inline-show-more-text, [data-testid="about-text"]') ?? aboutCard.querySelector('div span[aria-hidden="true"]');
    out.about = visibleText(body);
  }

  Object.assign(out, contactInfo(root, url));
  return out;
}

/** The first leaf-ish block with text after `after` inside `card` (newer layouts' headline). */
function firstTextAfter(card: Element, after: Element): Element | null {
  const all = Array.from(card.querySelectorAll('div, p, span'));
  for (const el of all) {
    if (el.contains(after) || after.contains(el)) continue;
    if (!(after.compareDocumentPosition(el) & 4)) continue; // DOCUMENT_POSITION_FOLLOWING
    if (el.querySelector('div, p')) continue;
    if (cleanText(visibleText(el), T)) return el;
  }
  return null;
}

function imageOfName(card: Element, name: string): Element | null {
  const clean = cleanText(name, T);
  if (!clean) return null;
  for (const img of Array.from(card.querySelectorAll(LINKEDIN.photo.fallback))) {
    if (cleanText(img.getAttribute('alt'), T).startsWith(clean)) return img;
  }
  return null;
}

function contactInfo(root: Document, url: string): Partial {
  let scopes: Element[] = Array.from(root.querySelectorAll(LINKEDIN.contactInfo.primary));
  if (scopes.length === 0) {
    scopes = Array.from(root.querySelectorAll(LINKEDIN.contactInfo.fallback)).filter((d) => d.querySelector('a[href^="mailto:"], a[href^="tel:"], h3'));
  }
  const out: Partial = { websites: [] };
  for (const scope of scopes) {
    for (const a of Array.from(scope.querySelectorAll('a[href^="mailto:"]'))) out.email ||= cleanEmail(a.getAttribute('href'));
    for (const a of Array.from(scope.querySelectorAll('a[href^="tel:"]'))) out.phone ||= cleanPhone(a.getAttribute('href'));
    for (const section of [scope, ...Array.from(scope.querySelectorAll('section'))]) {
      const heading = cleanText(visibleText(section.querySelector('h3')), 50).toLowerCase();
      if (heading === 'phone' && !out.phone) {
        const span = section.querySelector('li span, span.t-14, span');
        out.phone = cleanPhone(visibleText(span));
      }
      if (heading.startsWith('website')) {
        for (const a of Array.from(section.querySelectorAll('a[href]'))) {
          const href = cleanUrl(a.getAttribute('href'), url);
          if (href && !/^https?:\/\/([a-z]+\.)?linkedin\.com\//i.test(href)) out.websites!.push(href);
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The Experience card: the current position's title and company (issue 7)
// ---------------------------------------------------------------------------------------------

interface Position {
  title: string;
  company: string;
  current: boolean;
}

function experienceCard(root: Document): Element | null {
  return own(root, LINKEDIN.experience.primary)?.closest('section') ?? own(root, LINKEDIN.experience.fallback)?.closest('section') ?? null;
}

/**
 * The card's positions in page order, each with its title, company and whether it is current. A
 * company with several roles (its name first, then the roles nested inside) gives one per role,
 * each with the company's name. A position is only taken with a date line, so other list items
 * (descriptions, skills, "Show all") are not mistaken for one.
 */
function positions(card: Element): Position[] {
  let selector: string = LINKEDIN.position.primary;
  let items = Array.from(card.querySelectorAll(selector));
  if (items.length === 0) {
    selector = LINKEDIN.position.fallback;
    items = Array.from(card.querySelectorAll(selector));
  }
  const topLevel = items.filter((el) => {
    const outer = el.parentElement?.closest(selector);
    return !outer || !card.contains(outer);
  });
  const out: Position[] = [];
  for (const item of topLevel.slice(0, 30)) {
    const head = lines(item);
    const roles = Array.from(item.querySelectorAll(selector))
      .slice(0, 30)
      .map(lines)
      .filter((role) => dateLine(role) !== null);
    if (roles.length > 0) {
      const company = withoutEmploymentType(head[0] ?? '');
      for (const role of roles) out.push({ title: role[0] ?? '', company, current: isCurrent(dateLine(role)) });
    } else {
      const dates = dateLine(head);
      if (dates === null) continue;
      const second = head[1] ?? '';
      out.push({ title: head[0] ?? '', company: second === dates.line ? '' : withoutEmploymentType(second), current: isCurrent(dates) });
    }
  }
  return out.filter((p) => p.title);
}

/**
 * The current position: among current ones, the one at the top card's "Current company" (the
 * member's choice for their intro), else the first current one; with none current, the first.
 */
function pickPosition(list: Position[], preferredCompany: string): Position | null {
  const key = (company: string) => cleanText(company, T).toLowerCase().replace(/[.\s]+$/u, '');
  const current = list.filter((p) => p.current);
  const preferred = preferredCompany ? current.find((p) => key(p.company) === key(preferredCompany)) : undefined;
  return preferred ?? current[0] ?? list[0] ?? null;
}

// Elements that hold lines rather than being one; lists inside a position are its description,
// skills or nested roles, never its own title, company or dates.
const BLOCK = 'div, p, li, section, h1, h2, h3, h4, h5, h6';
const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript', 'button', 'svg', 'img', 'ul', 'ol']);

/** The lines of text a reader sees in `item`, in order: each innermost block's text, once. */
function lines(item: Element): string[] {
  const out: string[] = [];
  const walk = (el: Element): void => {
    for (let child = el.firstElementChild; child && out.length < 12; child = child.nextElementSibling) {
      if (NOT_TEXT.has(child.tagName.toLowerCase()) || isScreenReaderOnly(child)) continue;
      if (child.querySelector(BLOCK)) walk(child);
      else {
        const text = cleanText(visibleText(child), T);
        if (text) out.push(text);
      }
    }
  };
  walk(item);
  return out;
}

// "Jan 2022 - Present · 2 yrs 11 mos", "2016 - 2018 · 2 yrs", "ene. de 2022 - actualidad",
// "Jan. 2022–Heute", "2022年1月 - 現在": up to a few letters (a month), a year, and optionally a
// dash and the end; then the duration after "·", or nothing.
const DATES = /^[\p{L}.\s]{0,20}(?:19|20)\d{2}(?:\s*[年년]\s*\d{1,2}\s*[月월])?\s*(?:[-–—]\s*([^·•]{1,24}?))?\s*(?:[·•]|$)/u;
// The end of a current position's dates in LinkedIn's interface languages: English, Spanish,
// Portuguese, French, German, Italian, Dutch, Japanese, Chinese, Korean, Tagalog.
const PRESENT = new Set(['present', 'actualidad', 'la actualidad', 'o momento', 'aujourd’hui', "aujourd'hui", 'heute', 'presente', 'heden', '現在', '至今', '현재', 'kasalukuyan']);

/** The first line after the title that is a position's dates (a range first), and its end. */
function dateLine(positionLines: string[]): { line: string; end: string } | null {
  let single: { line: string; end: string } | null = null;
  for (const line of positionLines.slice(1)) {
    const match = DATES.exec(line);
    if (!match) continue;
    if (match[1]) return { line, end: match[1] };
    single ??= { line, end: '' };
  }
  return single;
}

function isCurrent(dates: { end: string } | null): boolean {
  return dates !== null && PRESENT.has(dates.end.toLowerCase().replace(/[.\s]+$/u, ''));
}

/** "Northwind Traders · Full-time" → "Northwind Traders". */
function withoutEmploymentType(line: string): string {
  return line.split(/\s+[·•]\s+/u)[0]?.trim() ?? '';
}

// ---------------------------------------------------------------------------------------------
// og: tags and the title
// ---------------------------------------------------------------------------------------------

/** "Ana Reyes - Recruiter - Acme | LinkedIn" → name and the rest. */
function splitTitle(text: string): { fullName: string; rest: string[] } {
  const clean = cleanText(text, 500).replace(/^\(\d+\+?\)\s*/, '').replace(/\s*\|\s*LinkedIn\s*$/i, '');
  const [name, ...rest] = clean.split(/\s+[-–—]\s+/);
  return { fullName: name ?? '', rest };
}

function fromOg(root: Document, profileUrl: string): Partial {
  const ogUrl = root.querySelector(LINKEDIN.ogUrl)?.getAttribute('content') ?? '';
  if (canonicalLinkedInUrl(ogUrl) !== profileUrl) return {};
  const { fullName, rest } = splitTitle(root.querySelector(LINKEDIN.ogTitle)?.getAttribute('content') ?? '');
  return { fullName, headline: rest[0] ?? '', photo: root.querySelector(LINKEDIN.ogImage)?.getAttribute('content') ?? '' };
}

function fromTitle(root: Document): Partial {
  const title = root.querySelector('title')?.textContent ?? '';
  if (!/\|\s*LinkedIn\s*$/i.test(title)) return {};
  const { fullName } = splitTitle(title);
  return /^(LinkedIn|Feed|Sign Up|Log In)$/i.test(fullName) ? {} : { fullName };
}

/** The element the in-page button is placed after (the member's name), or null. */
export function findAnchor(root: Document): Element | null {
  return own(root, LINKEDIN_BUTTON_ANCHOR.primary) ?? own(root, LINKEDIN_BUTTON_ANCHOR.fallback);
}
