/**
 * Where a Facebook profile keeps each field (DESIGN §4, STYLE 3). Facebook's class names are
 * generated and change weekly, so nothing here relies on them: structured data, roles, aria and
 * a few stable words. Every fallback is exercised by a fixture in tests/fixtures/facebook/.
 */
export const FACEBOOK = {
  /**
   * Relay payloads Facebook embeds as `<script type="application/json" data-sjs>`: the profile
   * user is an object with `__typename: "User"`, `id` and `name`. Fallback: any JSON script.
   */
  embeddedJson: { primary: 'script[type="application/json"][data-sjs]', fallback: 'script[type="application/json"]' },
  /**
   * The profile name: the `h1` inside `[role="main"]` (the page header). Fallback: the main
   * region's first `[role="heading"][aria-level="1"]` (some layouts use a span, not an h1).
   */
  name: { primary: '[role="main"] h1', fallback: '[role="main"] [role="heading"][aria-level="1"]' },
  /**
   * The Intro card's list items ("Works at …", "Lives in …"). Primary: the list under the
   * "Intro" heading; fallback every `li`/`div[dir="auto"]` in the main region.
   */
  intro: { primary: '[role="main"] [aria-label="Intro"] li, [role="main"] [data-pagelet="ProfileTilesFeed_0"] li', fallback: '[role="main"] li, [role="main"] span[dir="auto"]' },
  /**
   * The Intro card's bio: a line of text in the card (`[dir="auto"]`, as Facebook writes all
   * user text) that is not one of its list items, a heading or a button ("Edit bio" on one's own
   * profile). Fallback, when the card is not rendered (the About tab has none): the bio in the
   * embedded Relay data, `profile_intro_card.bio.text` of the object with this profile's id.
   */
  bio: { primary: '[role="main"] [aria-label="Intro"] [dir="auto"], [role="main"] [data-pagelet="ProfileTilesFeed_0"] [dir="auto"]', fallback: 'profile_intro_card.bio.text' },
  /**
   * The About section (Overview, Contact and basic info, …), read on About URLs only: the
   * `ProfileAppSection_0` pagelet under the profile header (the same pagelet holds the friends
   * list on /friends, hence the URL check). Fallback: the main region, which on an About URL
   * holds the header, the About card and tiles, but no posts or comments by others.
   */
  aboutSection: { primary: '[role="main"] [data-pagelet="ProfileAppSection_0"]', fallback: '[role="main"]' },
  /**
   * A contact row's texts: the value and, under it, a small label ("Email", "Mobile",
   * "Website"), each a `[dir="auto"]` element. The row is the label's nearest ancestor with more
   * text than the label.
   */
  rowText: '[dir="auto"]',
  /**
   * Email, phone and websites. Primary: the row whose label is one of CONTACT_LABELS (a website
   * row's link, else its text). Fallbacks for labels in a language the list lacks: `mailto:` /
   * `tel:` links, and links through Facebook's redirector (`l.facebook.com/l.php?u=<real URL>`),
   * which is how the About tab links what the person typed. That fallback is used only when no
   * row is labelled as a website, since it cannot tell a website from, say, a quote's source.
   */
  email: { primary: 'label', fallback: 'a[href^="mailto:"]' },
  phone: { primary: 'label', fallback: 'a[href^="tel:"]' },
  website: { primary: 'label', fallback: 'a[href*="l.facebook.com/l.php?"], a[href*="lm.facebook.com/l.php?"], a[href^="/l.php?"]' },
  /**
   * Profile photo: an SVG `<image>` in the header (labelled with the name). Fallback og:image.
   */
  photo: { primary: '[role="main"] svg[aria-label] image', fallback: 'meta[property="og:image"]' },
  ogUrl: 'meta[property="og:url"]',
  ogTitle: 'meta[property="og:title"]',
  /** Regions that show other people: the viewer in the banner/nav, "People you may know". */
  otherPeople: '[role="banner"], [role="navigation"], [role="complementary"], [aria-label="Shortcuts"]',
} as const;

/**
 * The small labels under contact rows, lower-cased with spaces, hyphens and dots removed
 * ("E-mail" → "email"). English first, then the languages of the markets Leadside serves and a
 * few large ones; a language missing here still gets the link fallbacks above. Social networks'
 * rows ("Instagram", "LinkedIn") count as websites: their label is the brand in every language.
 */
export const CONTACT_LABELS = {
  email: ['email', 'emailaddress', 'correoelectrónico', 'adresseemail', 'courriel', 'indirizzoemail', 'endereçodeemail', '電子郵件', '电子邮件', 'メールアドレス', '이메일', 'البريدالإلكتروني', 'электроннаяпочта', 'элпочта'],
  phone: [
    'mobile', 'phone', 'mobilephone', 'phonenumber', 'celular', 'móvil', 'teléfono', 'telemóvel', 'telefone', 'portable', 'téléphone',
    'handy', 'mobil', 'mobiltelefon', 'telefon', 'ponsel', 'nomorponsel', 'telepon', 'cellulare', 'telefono', 'diđộng', 'điệnthoại', 'mobiel', 'telefoon',
    '手機', '手机', '携帯電話', '휴대폰', 'جوال', 'الهاتفالمحمول', 'мобильный', 'телефон',
  ],
  website: ['website', 'sitioweb', 'site', 'siteweb', 'situsweb', 'sitoweb', 'trangweb', '網站', '网站', 'ウェブサイト', '웹사이트', 'موقعإلكتروني', 'вебсайт', 'сайт'],
  social: ['instagram', 'linkedin', 'twitter', 'x', 'github', 'youtube', 'tiktok', 'behance', 'dribbble'],
} as const;

/** Where the "Add to Leadside" button goes: after the profile's name (else a fixed corner). */
export const FACEBOOK_BUTTON_ANCHOR = { primary: '[role="main"] h1', fallback: '[role="main"] [role="heading"][aria-level="1"]' } as const;
