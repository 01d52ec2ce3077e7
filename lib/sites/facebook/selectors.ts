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
   * Profile photo: an SVG `<image>` in the header (labelled with the name). Fallback og:image.
   */
  photo: { primary: '[role="main"] svg[aria-label] image', fallback: 'meta[property="og:image"]' },
  ogUrl: 'meta[property="og:url"]',
  ogTitle: 'meta[property="og:title"]',
  /** Regions that show other people: the viewer in the banner/nav, "People you may know". */
  otherPeople: '[role="banner"], [role="navigation"], [role="complementary"], [aria-label="Shortcuts"]',
} as const;

/** Where the "Add to Leadside" button goes: after the profile's name (else a fixed corner). */
export const FACEBOOK_BUTTON_ANCHOR = { primary: '[role="main"] h1', fallback: '[role="main"] [role="heading"][aria-level="1"]' } as const;
