/**
 * The pages together against the real server: a customer asks for a
 * chat, an agent accepts it on the desk, the supervisor sees it appear in
 * the agent's workload, opens it, and drags it to another agent; both
 * desks show the move. Screenshots of the pages are saved on the way.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleWatch, launchChromium } from './support/browser.js';
import { buildPages } from './support/buildPages.js';
import { dragTo } from './support/dragTo.js';
import { screenshot } from './support/screenshot.js';
import { apiCall, startCenter, type TestCenter } from './support/startCenter.js';

const agentPassword = 'agent-demo';

describe('reassigning a chat by dragging its icon', () => {
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

  async function signIn(page: Page, path: string, username: string, password: string) {
    await page.goto(`${center.url}${path}`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function openDesk(username: string, name: string) {
    const page = await watch.open(browser, name);
    await signIn(page, '/agent', username, agentPassword);
    await page.getByRole('button', { name: 'Log in to the center' }).click();
    await expect.poll(() => page.getByTestId('agent-state').textContent()).toContain('Not ready');
    return page;
  }

  it('moves an accepted chat to another agent, shows the move on both desks, and wraps it up there', async () => {
    const alice = await openDesk('agent1', 'desk of Alice');
    const grace = await openDesk('agent7', 'desk of Grace');

    const customer = await watch.open(browser, 'customer', {
      viewport: { width: 390, height: 800 },
    });
    await customer.goto(center.url);
    await customer.getByLabel('Your name').fill('Zoe Example');
    await customer.getByLabel('Email').fill('zoe@example.com');
    await customer.getByLabel('What is it about?').selectOption({ label: 'Billing and payments' });
    await customer.getByRole('button', { name: 'Contact us' }).click();
    await customer.getByRole('heading', { name: 'You are in the queue' }).waitFor();
    await expect.poll(() => customer.getByTestId('position').textContent()).toBe('1');
    await screenshot(customer, 'customer-waiting');

    await alice.getByRole('button', { name: 'Ready', exact: true }).click();
    const offer = alice.getByTestId('offer');
    await offer.getByText('Zoe Example').waitFor();
    await expect.poll(() => offer.getByLabel(/seconds left to answer/).count()).toBe(1);
    await screenshot(alice, 'agent-offer');
    await offer.getByRole('button', { name: 'Accept' }).click();
    await alice.getByRole('tab', { name: /Zoe Example/ }).waitFor();
    await screenshot(alice, 'agent-desk');
    await customer.getByRole('heading', { name: 'You are connected' }).waitFor();
    await screenshot(customer, 'customer-connected');

    await grace.getByRole('button', { name: 'Ready', exact: true }).click();
    await expect.poll(() => grace.getByTestId('agent-state').textContent()).toContain('Ready');

    // Waiting contacts for the dashboard's queue panel: nobody serving support is logged in.
    for (const [name, email] of [
      ['Léa Fontaine', 'lea.fontaine@example.com'],
      ['Marcus Reed', 'marcus.reed@example.com'],
      ['Nora Kim', 'nora.kim@example.com'],
    ]) {
      const body = { channel: 'voice', topic: 'support', customer: { name, email } };
      await apiCall(center.url, 'POST', '/api/contacts', undefined, body);
    }

    const supervisor = await watch.open(browser, 'supervisor', {
      viewport: { width: 1440, height: 900 },
    });
    await signIn(supervisor, '/supervisor', 'supervisor1', 'supervisor-demo');
    const aliceCard = supervisor.locator('[data-agent-id="a1"]');
    const graceCard = supervisor.locator('[data-agent-id="a7"]');
    const icon = aliceCard.locator('.work-icon[data-status="active"]');
    await icon.waitFor();
    await supervisor.getByLabel('Queue shown').selectOption('support');
    await supervisor.getByRole('button', { name: 'Nora Kim', exact: true }).waitFor();
    await screenshot(supervisor, 'supervisor-dashboard');

    await icon.click();
    const dialog = supervisor.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('customer-name').textContent()).toBe('Zoe Example');
    await screenshot(supervisor, 'supervisor-contact-profile');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    await dragTo(supervisor, icon, graceCard);

    await graceCard.locator('.work-icon').first().waitFor();
    await expect.poll(() => aliceCard.locator('.work-icon').count()).toBe(0);
    await grace.getByTestId('offer').getByText('Zoe Example').waitFor();
    await alice.getByText('You are ready. New contacts will ring here.').waitFor();
    await grace.getByTestId('offer').getByRole('button', { name: 'Accept' }).click();
    await grace.getByRole('tab', { name: /Zoe Example/ }).waitFor();
    await graceCard.locator('.work-icon[data-status="active"]').waitFor();

    await graceCard.getByRole('link', { name: 'Grace Okafor' }).click();
    await supervisor.getByRole('heading', { name: 'Grace Okafor', level: 1 }).waitFor();
    await supervisor
      .getByRole('group', { name: "Grace Okafor's contacts" })
      .getByRole('button', { name: /Zoe Example/ })
      .waitFor();
    await screenshot(supervisor, 'supervisor-agent-profile');

    await grace.getByRole('button', { name: 'End chat' }).click();
    await grace.getByText('Wrap-up time left:').waitFor();
    await grace.getByLabel('Disposition').selectOption('resolved');
    await screenshot(grace, 'agent-wrap-up');
    await grace.getByRole('button', { name: 'Finish wrap-up' }).click();
    await grace.getByText('You are ready. New contacts will ring here.').waitFor();
    await customer.getByRole('heading', { name: 'The conversation has ended' }).waitFor();

    expect(watch.problems).toEqual([]);
  }, 50_000);
});
