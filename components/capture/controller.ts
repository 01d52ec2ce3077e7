/**
 * Capture on one site (DESIGN §4): dormant until the URL is a profile, follows the SPA's URL
 * changes (`wxt:locationchange`), waits for the new profile's header to render, then mounts the
 * button in a shadow root after the name (or in a fixed corner). The profile itself is parsed
 * only when the recruiter opens the card. Never throws at the host page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { SiteAdapter } from '../../lib/sites/adapter';
import { CAPTURE_CSS } from './styles';
import { createWidget } from './widget';

const POLL_MS = 200;
/** How long to wait for a profile to render before showing the failure card's button. */
const RENDER_WAIT_MS = 4000;

/** The header's name as rendered: a cheap check that the new profile is on screen (no parse). */
function headerName(anchor: Element): string {
  return (anchor.textContent ?? '').trim().slice(0, 300);
}

export function startCapture(ctx: ContentScriptContext, site: SiteAdapter): void {
  let ui: ShadowRootContentScriptUi<{ destroy(): void }> | null = null;
  let generation = 0;
  let shownName = '';
  let mountedHref = '';
  /** The URL a refresh is already waiting on (the URL watcher and the re-render check can both fire). */
  let pendingHref = '';

  const sleep = (ms: number) => new Promise<void>((resolve) => ctx.setTimeout(resolve, ms));

  const refresh = async (href: string): Promise<void> => {
    if (ui && href === mountedHref && ui.shadowHost.isConnected) return;
    if (href === pendingHref) return;
    const mine = ++generation;
    pendingHref = href;
    try {
      ui?.remove();
      ui = null;
      mountedHref = '';
      if (!site.isProfile(href)) return;
      // Wait for this profile's header (not the previous one, still on screen after an in-page
      // navigation). Only the anchor is looked at here: the profile is parsed when the card opens
      // (WidgetInput.read), so a navigation costs the page a few selector lookups, not a parse of
      // its embedded JSON every poll.
      let anchor: Element | null = null;
      for (let waited = 0; waited <= RENDER_WAIT_MS; waited += POLL_MS) {
        if (mine !== generation || ctx.isInvalid) return;
        anchor = site.findAnchor(document);
        if (anchor && (headerName(anchor) !== shownName || waited >= 1000)) break;
        await sleep(POLL_MS);
      }
      if (mine !== generation || ctx.isInvalid) return;
      shownName = anchor ? headerName(anchor) : '';
      const input = {
        site: site.site,
        read: () => site.parse(document, href),
        profileUrl: site.profileUrl(href) ?? href,
        pageUrl: href,
        pageTitle: document.title.slice(0, 200),
      };
      const mounted = await createShadowRootUi(ctx, {
        name: 'leadside-capture',
        position: 'inline',
        anchor: anchor ?? document.body,
        append: anchor ? 'after' : 'last',
        css: CAPTURE_CSS,
        isolateEvents: true,
        onMount(container) {
          if (!anchor) container.classList.add('ls-corner');
          return createWidget(container, input);
        },
        onRemove(widget) {
          widget?.destroy();
        },
      });
      if (mine !== generation || ctx.isInvalid) return;
      mounted.mount();
      ui = mounted;
      mountedHref = href;
    } finally {
      if (mine === generation) pendingHref = '';
    }
  };

  const safeRefresh = (href: string) => {
    refresh(href).catch((error: unknown) => console.debug('Leadside: capture could not start on this page', error));
  };
  // The Navigation API's navigate event fires before a pushState updates location.href: take the
  // new URL from the event, and wait for its header to replace the old one.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => safeRefresh(event.newUrl.href));
  // The site may re-render the header and drop our button: put it back.
  ctx.setInterval(() => {
    if (ui && !ui.shadowHost.isConnected) safeRefresh(location.href);
  }, 1500);
  safeRefresh(location.href);
}
