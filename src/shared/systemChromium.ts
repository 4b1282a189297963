import { existsSync } from 'node:fs';
import { setting } from './settings.ts';

/**
 * The Chromium the e2e suite, the bench and the Lighthouse gate drive when Playwright's own is not installed:
 * the one `ZHPRESS_CHROMIUM` names, else Debian's `/usr/bin/chromium` where it is installed (Playwright cannot
 * download browsers on these machines). `undefined`: let the tool find its own.
 */
export function systemChromium(): string | undefined {
  return setting('chromium') ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}
