import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCapture } from '../../components/capture/controller';
import { linkedin } from '../../lib/sites/linkedin';

// The whole origin: profiles are usually reached by in-page navigation from the feed or search,
// which never injects a script whose matches name only /in/ paths (DESIGN §4). Dormant until the
// URL is a profile.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startCapture(ctx, linkedin);
  },
});
