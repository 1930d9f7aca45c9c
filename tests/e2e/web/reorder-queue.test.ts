/**
 * A supervisor reorders a queue on the dashboard, by dragging a row and
 * from the keyboard, and the order the API then returns is the new one.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleWatch, launchChromium } from './support/browser.js';
import { buildPages } from './support/buildPages.js';
import { dragTo } from './support/dragTo.js';
import { apiCall, apiToken, startCenter, type TestCenter } from './support/startCenter.js';

describe('reordering a queue on the dashboard', () => {
  let center: TestCenter;
  let browser: Browser;
  let token: string;
  const watch = new ConsoleWatch();

  beforeAll(async () => {
    const [root, launched] = await Promise.all([buildPages(), launchChromium()]);
    browser = launched;
    center = await startCenter(root);
    token = await apiToken(center.url, 'supervisor1', 'supervisor-demo');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await center?.stop();
  });

  async function newContact(name: string): Promise<string> {
    const body = {
      channel: 'chat',
      queueId: 'billing',
      customer: { name, email: `${name.toLowerCase()}@example.com` },
    };
    return (
      await apiCall<{ contactId: string }>(center.url, 'POST', '/api/contacts', undefined, body)
    ).contactId;
  }

  const apiOrder = async () =>
    (
      await apiCall<{ contactId: string }[]>(
        center.url,
        'GET',
        '/api/queues/billing/contacts',
        token,
      )
    ).map((c) => c.contactId);

  const shownOrder = (page: Page) =>
    page
      .locator('[data-testid="queue-list"] > li')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-contact-id')));

  it('moves a dragged contact to the head of the queue, and one raised from the keyboard up one place', async () => {
    const ids: string[] = [];
    for (const name of ['Ann', 'Ben', 'Cal', 'Dee']) ids.push(await newContact(name));
    const [ann, ben, cal, dee] = ids as [string, string, string, string];
    expect(await apiOrder()).toEqual([ann, ben, cal, dee]);

    const page = await watch.open(browser, 'supervisor', {
      viewport: { width: 1440, height: 900 },
    });
    await page.goto(`${center.url}/supervisor`);
    await page.getByLabel('Username').fill('supervisor1');
    await page.getByLabel('Password').fill('supervisor-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => shownOrder(page)).toEqual([ann, ben, cal, dee]);

    const rowOf = (id: string) =>
      page.locator(`[data-testid="queue-list"] > li[data-contact-id="${id}"]`);
    await dragTo(page, rowOf(dee).getByRole('button', { name: /^Move Dee/ }), rowOf(ann), -8);

    await expect.poll(apiOrder, { timeout: 5_000 }).toEqual([dee, ann, ben, cal]);
    await expect.poll(() => shownOrder(page), { timeout: 5_000 }).toEqual([dee, ann, ben, cal]);

    const handle = rowOf(cal).getByRole('button', { name: /^Move Cal/ });
    await handle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => handle.getAttribute('aria-pressed')).toBe('true');
    const before = (await rowOf(cal).boundingBox())!.y;
    await page.keyboard.press('ArrowUp');
    // dnd-kit moves the row over the next frames (slower on a busy machine);
    // drop once it has visibly moved up, as a person would.
    await expect
      .poll(async () => (await rowOf(cal).boundingBox())!.y, { timeout: 5_000 })
      .toBeLessThan(before);
    await page.waitForTimeout(100);
    await page.keyboard.press('Space');

    await expect.poll(apiOrder, { timeout: 5_000 }).toEqual([dee, ann, cal, ben]);
    await expect.poll(() => shownOrder(page), { timeout: 5_000 }).toEqual([dee, ann, cal, ben]);
    expect(watch.problems).toEqual([]);
  }, 40_000);
});
