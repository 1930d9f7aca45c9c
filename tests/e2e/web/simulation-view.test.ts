/**
 * The simulation view charts what the simulator wrote: a seeded run of
 * the small example scenario, saved as JSON the way `npm run sim -- --out`
 * saves it, loaded into the page from a file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile, resultToJson, rowsOf, runScenario } from '../../../sim/index.js';
import { ConsoleWatch, launchChromium } from './support/browser.js';
import { buildPages } from './support/buildPages.js';
import { screenshot } from './support/screenshot.js';
import { startCenter, type TestCenter } from './support/startCenter.js';

const scenarioPath = fileURLToPath(new URL('../../../sim/examples/small.json', import.meta.url));

describe('the simulation view', () => {
  let center: TestCenter;
  let browser: Browser;
  const watch = new ConsoleWatch();

  beforeAll(async () => {
    const [root, launched] = await Promise.all([buildPages(), launchChromium()]);
    browser = launched;
    center = await startCenter(root);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await center?.stop();
  });

  it('charts offered, answered and abandoned per interval from a result file', async () => {
    const result = runScenario(loadScenarioFile(scenarioPath), { seed: 3 });
    const file = join(mkdtempSync(join(tmpdir(), 'switchboard-sim-')), 'small-result.json');
    writeFileSync(file, resultToJson(result));
    const centerRows = rowsOf(result);
    const offered = centerRows.reduce((n, r) => n + r.counters.offered, 0);

    const page = await watch.open(browser, 'supervisor', {
      viewport: { width: 1280, height: 1000 },
    });
    await page.goto(`${center.url}/supervisor/simulation`);
    await page.getByLabel('Username').fill('supervisor1');
    await page.getByLabel('Password').fill('supervisor-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('simulation-file').setInputFiles(file);

    await expect
      .poll(() => page.getByTestId('simulation-summary').textContent())
      .toContain('seed 3');
    await page.locator('.recharts-surface').first().waitFor();
    const rows = page.locator('.data-table tbody tr');
    expect(await rows.count()).toBe(centerRows.length);
    const shownOffered = await rows.evaluateAll((trs) =>
      trs.reduce((n, tr) => n + Number(tr.children[1]?.textContent), 0),
    );
    expect(shownOffered).toBe(offered);
    await screenshot(page, 'supervisor-simulation', true);
    expect(watch.problems).toEqual([]);
  }, 40_000);

  it('says so when a supervisor path leads nowhere, with a way back', async () => {
    const page = await watch.open(browser, 'supervisor-404');
    await page.goto(`${center.url}/supervisor/no-such-section`);
    await page.getByLabel('Username').fill('supervisor1');
    await page.getByLabel('Password').fill('supervisor-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect.poll(() => page.getByRole('alert').textContent()).toContain('No such page');
    await page.getByRole('link', { name: 'Back to the live view' }).click();
    await page.getByTestId('tile-waiting').waitFor();
    expect(new URL(page.url()).pathname).toBe('/supervisor');
    expect(watch.problems).toEqual([]);
  }, 40_000);
});
