import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/platform/background';

export default defineBackground({
  type: 'module',
  main() {
    startBackground();
  },
});
