/**
 * Hand-off links for local mode (DESIGN §5). Each builder returns the URL, or `too_long` when
 * it would pass ~2,000 characters (browsers, mail clients and phones truncate or refuse longer
 * ones): the UI then copies the text to the clipboard and says so.
 */

export const MAX_LINK_LENGTH = 2000;

export type LinkResult = { ok: true; url: string } | { ok: false; reason: 'too_long'; length: number } | { ok: false; reason: 'no_address' };

function bounded(url: string): LinkResult {
  return url.length > MAX_LINK_LENGTH ? { ok: false, reason: 'too_long', length: url.length } : { ok: true, url };
}

/** encodeURIComponent leaves !'()* alone; RFC 3986 reserves them, some handlers choke on them. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Lone surrogates cannot be percent-encoded (encodeURIComponent throws): replace them. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Line breaks as CRLF (RFC 6068 §5: "line breaks in the body … encoded as %0D%0A"). */
function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

/** `https://wa.me/<digits>?text=…` — digits of the E.164 number, no `+`, as WhatsApp documents. */
export function whatsappLink(phoneE164: string, text: string): LinkResult {
  const digits = phoneE164.replace(/\D/g, '');
  if (!digits) return { ok: false, reason: 'no_address' };
  return bounded(`https://wa.me/${digits}?text=${encode(wellFormed(text))}`);
}

/** `sms:<E.164>?body=…` (RFC 5724). The `+` of the number is allowed as it is. */
export function smsLink(phoneE164: string, body: string): LinkResult {
  const number = phoneE164.replace(/[^\d+]/g, '');
  if (!/\d/.test(number)) return { ok: false, reason: 'no_address' };
  return bounded(`sms:${number}?body=${encode(wellFormed(body))}`);
}

export interface EmailParts {
  to: string;
  subject?: string;
  body: string;
}

/** `mailto:` (RFC 6068): the address percent-encoded but its `@`, subject and body as hfields. */
export function mailtoLink({ to, subject, body }: EmailParts): LinkResult {
  const address = to.trim();
  if (!address.includes('@')) return { ok: false, reason: 'no_address' };
  const fields: string[] = [];
  if (subject) fields.push(`subject=${encode(wellFormed(subject.replace(/[\r\n]+/g, ' ')))}`);
  fields.push(`body=${encode(crlf(wellFormed(body)))}`);
  return bounded(`mailto:${encode(address).replace(/%40/g, '@')}?${fields.join('&')}`);
}

/** Gmail's compose page in a tab (for recruiters whose mail is Gmail, by a setting). */
export function gmailComposeLink({ to, subject, body }: EmailParts): LinkResult {
  const address = to.trim();
  if (!address.includes('@')) return { ok: false, reason: 'no_address' };
  const params = [`view=cm`, `fs=1`, `to=${encode(address)}`];
  if (subject) params.push(`su=${encode(wellFormed(subject.replace(/[\r\n]+/g, ' ')))}`);
  params.push(`body=${encode(wellFormed(body))}`);
  return bounded(`https://mail.google.com/mail/?${params.join('&')}`);
}

/** `https://m.me/<id>`: Messenger takes no text in the link; it goes on the clipboard. */
export function messengerLink(facebookId: string): LinkResult {
  const id = facebookId.trim();
  if (!id) return { ok: false, reason: 'no_address' };
  return bounded(`https://m.me/${encode(id)}`);
}

/**
 * The Messenger id in a Facebook profile URL: the user name (`facebook.com/maria.santos`) or the
 * number of `profile.php?id=…`. Null when the URL names no profile.
 */
export function facebookIdFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.includes('://') ? url : `https://${url}`);
  } catch {
    return null;
  }
  if (!/(^|\.)facebook\.com$|(^|\.)fb\.com$/i.test(parsed.hostname)) return null;
  if (parsed.pathname.replace(/\/+$/, '') === '/profile.php') {
    const id = parsed.searchParams.get('id');
    return id && /^\d+$/.test(id) ? id : null;
  }
  const first = parsed.pathname.split('/').filter(Boolean)[0];
  if (!first || /^(people|pages|groups|events|watch|marketplace|share|sharer|login|home\.php)$/i.test(first)) {
    // facebook.com/people/Name/1000…: the number is the id.
    const parts = parsed.pathname.split('/').filter(Boolean);
    if (first?.toLowerCase() === 'people') {
      const last = parts.at(-1);
      return last && /^\d+$/.test(last) ? last : null;
    }
    return null;
  }
  return /^[A-Za-z0-9.]+$/.test(first) ? first : null;
}
