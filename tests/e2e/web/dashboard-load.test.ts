/**
 * The dashboard under load: 500 agents and 2,000 waiting contacts, then a
 * burst of 1,000 events over the WebSocket. Measured from just before the
 * server sends the first frame to the moment the page's DOM shows the
 * last change, polled once per animation frame: the agents-by-state tile
 * counts all 500 agents in their new states, every agent card on screen
 * (the board renders only those) shows its new state and icons, and the
 * queue is 250 shorter. The server is a stand-in serving generated data
 * (support/fakeCenter.ts), so this measures the browser's side: socket,
 * store, coalesced rendering.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleWatch, launchChromium } from './support/browser.js';
import { buildPages } from './support/buildPages.js';
import { startFakeCenter, type FakeCenter } from './support/fakeCenter.js';
import { agentCount, burstEvents, loadData, waitingCount } from './support/loadData.js';
import type { PageGlobals } from './support/pageGlobals.js';
import { screenshot } from './support/screenshot.js';

describe('the dashboard with 500 agents and 2,000 waiting contacts', () => {
  let fake: FakeCenter;
  let browser: Browser;
  const watch = new ConsoleWatch();

  beforeAll(async () => {
    const [root, launched] = await Promise.all([buildPages(), launchChromium()]);
    browser = launched;
    fake = await startFakeCenter(root, loadData());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await fake?.stop();
  });

  it('shows a burst of 1,000 events within one second', async () => {
    const page = await watch.open(browser, 'supervisor', {
      viewport: { width: 1440, height: 900 },
    });
    await page.goto(`${fake.url}/supervisor`);
    await page.getByLabel('Username').fill('load');
    await page.getByLabel('Password').fill('load');
    const loadStarted = performance.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForFunction((busy) => {
      const { document } = globalThis as unknown as PageGlobals;
      return (
        document.querySelector('[data-testid="agents-by-state"] [data-state="busy"] .count')
          ?.textContent === String(busy)
      );
    }, agentCount / 2);
    const loadMs = performance.now() - loadStarted;
    await page
      .getByRole('combobox', { name: 'Queue shown' })
      .getByRole('option', { name: 'General (1500)' })
      .waitFor({ state: 'attached' });
    await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      w.longestTaskMs = 0;
      new w.PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          w.longestTaskMs = Math.max(w.longestTaskMs, entry.duration);
      }).observe({ type: 'longtask' });
    });

    const started = performance.now();
    const sockets = fake.burst(burstEvents(1));
    await page.waitForFunction(
      (half) => {
        const { document } = globalThis as unknown as PageGlobals;
        const count = (state: string) =>
          document.querySelector(`[data-testid="agents-by-state"] [data-state="${state}"] .count`)
            ?.textContent;
        const cards = Array.from(document.querySelectorAll('.agent-card'));
        const cardsDone = cards.every((card) => {
          const first = Number(card.getAttribute('data-agent-id')!.slice(1)) < half;
          const active = card.querySelectorAll('.work-icon[data-status="active"]').length;
          return (
            card.getAttribute('data-agent-state') === (first ? 'busy' : 'wrapUp') && active === 1
          );
        });
        return (
          count('busy') === String(half) &&
          count('wrapUp') === String(half) &&
          cards.length >= 20 &&
          cardsDone &&
          Array.from(document.querySelectorAll('option')).some(
            (o) => o.textContent === 'General (1250)',
          )
        );
      },
      agentCount / 2,
      { polling: 'raf', timeout: 10_000 },
    );
    const reflectedMs = performance.now() - started;
    const longestTaskMs = await page.evaluate(
      () => (globalThis as unknown as PageGlobals).longestTaskMs,
    );
    await screenshot(page, 'supervisor-dashboard-500-agents');

    console.info(
      `dashboard load: ${agentCount} agents, ${waitingCount} waiting shown in ${Math.round(loadMs)} ms; ` +
        `1,000 events reflected in ${Math.round(reflectedMs)} ms; longest main-thread task ${Math.round(longestTaskMs)} ms`,
    );
    expect(sockets).toBe(1);
    expect(reflectedMs).toBeLessThan(1_000);
    expect(longestTaskMs).toBeLessThan(250);
    expect(watch.problems).toEqual([]);
  }, 45_000);
});
