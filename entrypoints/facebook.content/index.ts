import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCapture } from '../../components/capture/controller';
import { facebook } from '../../lib/sites/facebook';

// The whole origin, dormant until the URL is a profile (DESIGN §4): see linkedin.content.
export default defineContentScript({
  matches: ['https://www.facebook.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startCapture(ctx, facebook);
  },
});
