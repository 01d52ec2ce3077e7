/**
 * Where a LinkedIn profile keeps each field (DESIGN §4, STYLE 3). Structured data first; each
 * DOM selector has a reason and a fallback, and every fallback is exercised by a fixture in
 * tests/fixtures/linkedin/ (see parse.test.ts).
 */
export const LINKEDIN = {
  /** Logged-out public pages embed a schema.org Person (with url, jobTitle, worksFor, address). */
  jsonLd: 'script[type="application/ld+json"]',
  /**
   * Logged-in pages embed Voyager API responses as JSON in hidden `<code id="bpr-guid-…">`
   * blocks, profile entities included. Fallback: any hidden `<code>` whose text is JSON (the id
   * prefix has changed before).
   */
  embeddedJson: { primary: 'code[id^="bpr-guid-"]', fallback: 'code' },
  /** The profile's top card. Classic layout: `section.pv-top-card`. Fallback: the section around `main h1`. */
  topCard: { primary: 'section.pv-top-card, section.artdeco-card.pv-top-card', fallback: 'main h1' },
  /**
   * The name. Classic: `h1.text-heading-xlarge` in the top card. Newer layouts drop the class:
   * fallback, the first `h1` inside `main` (never the nav's or a side rail's).
   */
  name: { primary: 'h1.text-heading-xlarge', fallback: 'main h1' },
  /**
   * The headline under the name. Classic: `.text-body-medium.break-words`. Fallback: an element
   * marked `data-generated-suggestion-target` (newer layouts) or else the first text block after
   * the name in the top card.
   */
  headline: { primary: '.text-body-medium.break-words', fallback: '[data-generated-suggestion-target]' },
  /**
   * Location. Classic: the small inline span in the left panel. Fallback: the text beside the
   * "Contact info" link, which every layout keeps next to the location.
   */
  location: {
    primary: '.pv-text-details__left-panel span.text-body-small.inline, .pv-text-details__left-panel .text-body-small',
    fallback: 'a[href*="/overlay/contact-info"]',
  },
  /**
   * The Experience card, where the current job title and company are (issue 7): layouts without
   * embedded JSON show them nowhere else. Classic and newer layouts start the card with an empty
   * anchor `<div id="experience" class="pv-profile-card__anchor">` (what the top card's "Current
   * company" button skips to); the card is the `section` around it. Fallback, for layouts that
   * drop the anchor: the section holding the card's "Show all N experiences" link to
   * `/in/<vanity>/details/experience/` (there when the member has more positions than it shows).
   */
  experience: { primary: '#experience', fallback: 'a[href*="/details/experience"]' },
  /**
   * One position in the Experience card; a company with several roles is one position whose
   * roles are positions nested inside it. Classic: `[data-view-name="profile-component-entity"]`
   * (a data- attribute, kept across restyles). Fallback: the card's list items (newer layouts,
   * hashed classes only). Either way the lines inside are read in order: title, "Company ·
   * Full-time", dates ("Jan 2022 - Present · 2 yrs 11 mos").
   */
  position: { primary: '[data-view-name="profile-component-entity"]', fallback: 'li' },
  /**
   * Current company, when the Experience card names none (not rendered yet). The top card's
   * button is labelled "Current company: X. Click to skip to experience card." (aria-label
   * survives redesigns); it is the position the member chose for their intro, so among several
   * current positions the one at X wins. Fallback: "… at Company" in the headline.
   */
  currentCompany: { primary: 'button[aria-label^="Current company:"], a[aria-label^="Current company:"]', fallback: 'headline' },
  /** Photo. Classic class; fallback the top card's `img` whose alt is the name, then og:image. */
  photo: { primary: 'img.pv-top-card-profile-picture__image, img.pv-top-card-profile-picture__image--show', fallback: 'img[alt]' },
  /** About: the card anchored by `#about`; fallback the embedded profile's `summary`. */
  about: { primary: '#about', fallback: 'summary' },
  /**
   * Contact info overlay (`/overlay/contact-info/`, a dialog). Classic sections
   * `.pv-contact-info__contact-type`; fallback any `[role="dialog"]` with mailto:/tel: links.
   */
  contactInfo: { primary: 'section.pv-contact-info__contact-type', fallback: '[role="dialog"]' },
  /** og: tags, trusted only when og:url is this profile (a stale SPA head says someone else). */
  ogUrl: 'meta[property="og:url"]',
  ogTitle: 'meta[property="og:title"]',
  ogImage: 'meta[property="og:image"]',
  /** Regions that show other people: the nav (the viewer), side rails, messaging overlays. */
  otherPeople: 'header, nav, aside, [role="complementary"], #msg-overlay, .scaffold-layout__aside',
} as const;

/** Where the "Add to Leadside" button goes: after the member's name (else a fixed corner). */
export const LINKEDIN_BUTTON_ANCHOR = { primary: 'h1.text-heading-xlarge', fallback: 'main h1' } as const;
