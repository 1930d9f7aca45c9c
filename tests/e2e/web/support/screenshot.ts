/**
 * Saves a page's screenshot. Every run writes to test-results/screenshots
 * (not committed); with UPDATE_SCREENSHOTS=1 it also refreshes the copies
 * in web/screenshots that the README shows, which otherwise would change
 * on every run (the clock is on screen).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const runFolder = fileURLToPath(new URL('../../../../test-results/screenshots/', import.meta.url));
const readmeFolder = fileURLToPath(new URL('../../../../web/screenshots/', import.meta.url));

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  const folders = process.env.UPDATE_SCREENSHOTS === '1' ? [runFolder, readmeFolder] : [runFolder];
  for (const folder of folders) {
    mkdirSync(folder, { recursive: true });
    await page.screenshot({
      path: `${folder}${name}.png`,
      fullPage,
      animations: 'disabled',
      caret: 'hide',
    });
  }
}
