/**
 * Debian's chromium driven by playwright-core (no downloaded browser),
 * and a watch on every page for console errors and uncaught exceptions:
 * the tests end by asserting there were none.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `extraArgs`: say, the fake microphone flags of the voice test. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...extraArgs,
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Console errors and page errors, each with the page it came from. */
export class ConsoleWatch {
  readonly problems: string[] = [];

  watch(page: Page, name: string): Page {
    page.on('console', (m) => {
      if (m.type() === 'error')
        this.problems.push(`${name}: console error: ${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (err) =>
      this.problems.push(`${name}: uncaught ${err.name}: ${err.message}`),
    );
    return page;
  }

  /** A new context (own cookies and storage) with one watched page. */
  async open(
    browser: Browser,
    name: string,
    options: { viewport?: { width: number; height: number } } = {},
  ) {
    const context: BrowserContext = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 860 },
      reducedMotion: 'reduce',
    });
    // Every step here takes well under a second; a wait of 10 s means a bug.
    context.setDefaultTimeout(10_000);
    return this.watch(await context.newPage(), name);
  }
}
