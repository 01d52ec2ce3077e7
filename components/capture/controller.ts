/**
 * Capture on one site (DESIGN §4): dormant until the URL is a profile, follows the SPA's URL
 * changes (`wxt:locationchange`), waits for the new profile to render, then mounts the button
 * in a shadow root after the name (or in a fixed corner). Never throws at the host page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { SiteAdapter } from '../../lib/sites/adapter';
import type { CaptureDraft } from '../../lib/sites/draft';
import { CAPTURE_CSS } from './styles';
import { createWidget } from './widget';

const POLL_MS = 200;
/** How long to wait for a profile to render before showing the failure card's button. */
const RENDER_WAIT_MS = 4000;

export function startCapture(ctx: ContentScriptContext, site: SiteAdapter): void {
  let ui: ShadowRootContentScriptUi<{ destroy(): void }> | null = null;
  let generation = 0;
  let shownName = '';
  let mountedHref = '';

  const sleep = (ms: number) => new Promise<void>((resolve) => ctx.setTimeout(resolve, ms));

  const refresh = async (): Promise<void> => {
    const href = location.href;
    // Two triggers (the URL watcher and the re-render check) may both see one navigation.
    if (ui && href === mountedHref && ui.shadowHost.isConnected) return;
    const mine = ++generation;
    ui?.remove();
    ui = null;
    mountedHref = '';
    if (!site.isProfile(href)) return;
    // Wait for this profile (not the previous one, still on screen after an in-page navigation).
    let draft: CaptureDraft | null = null;
    let anchor: Element | null = null;
    for (let waited = 0; waited <= RENDER_WAIT_MS; waited += POLL_MS) {
      if (mine !== generation || ctx.isInvalid) return;
      draft = site.parse(document, href);
      anchor = site.findAnchor(document);
      const name = draft ? `${draft.firstName} ${draft.lastName}` : '';
      if (draft && anchor && (name !== shownName || waited >= 1000)) break;
      await sleep(POLL_MS);
    }
    if (mine !== generation || ctx.isInvalid) return;
    shownName = draft ? `${draft.firstName} ${draft.lastName}` : '';
    const input = {
      site: site.site,
      draft,
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
  };

  const safeRefresh = () => {
    refresh().catch((error: unknown) => console.debug('Leadside: capture could not start on this page', error));
  };
  ctx.addEventListener(window, 'wxt:locationchange', safeRefresh);
  // The site may re-render the header and drop our button: put it back.
  ctx.setInterval(() => {
    if (ui && !ui.shadowHost.isConnected) safeRefresh();
  }, 1500);
  safeRefresh();
}
