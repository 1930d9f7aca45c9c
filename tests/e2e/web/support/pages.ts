/**
 * Steps the conversation tests share: an agent signing in to the desk and
 * going ready, and a customer asking for a contact on the customer page.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ConsoleWatch } from './browser.js';

export const agentPassword = 'agent-demo';

export async function signIn(page: Page, url: string, username: string, password: string) {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The desk of a demo agent, logged in to the center and ready. */
export async function readyDesk(
  browser: Browser,
  watch: ConsoleWatch,
  base: string,
  username: string,
  /** Runs before the page first loads (init scripts). */
  prepare?: (page: Page) => Promise<void>,
) {
  const page = await watch.open(browser, `desk of ${username}`);
  await prepare?.(page);
  await signIn(page, `${base}/agent`, username, agentPassword);
  await page.getByRole('button', { name: 'Log in to the center' }).click();
  await expect.poll(() => page.getByTestId('agent-state').textContent()).toContain('Not ready');
  await page.getByRole('button', { name: 'Ready', exact: true }).click();
  await expect.poll(() => page.getByTestId('agent-state').textContent()).toContain('Ready');
  return page;
}

export interface ContactAsk {
  name: string;
  email: string;
  channel: 'Chat' | 'Voice call';
  topic: string;
}

/** Fills the customer form on `page` (already on the customer page) and submits it. */
export async function askForContact(page: Page, ask: ContactAsk): Promise<void> {
  await page.getByLabel('Your name').fill(ask.name);
  await page.getByLabel('Email').fill(ask.email);
  await page.getByLabel('What is it about?').selectOption({ label: ask.topic });
  await page.getByRole('radio', { name: new RegExp(ask.channel) }).check();
  await page.getByRole('button', { name: 'Contact us' }).click();
}

/** The contact id the customer page keeps in its tab's storage. */
export async function savedContactId(page: Page): Promise<string> {
  const raw = await page.evaluate(() =>
    (
      globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }
    ).sessionStorage.getItem('switchboard.contact'),
  );
  return (JSON.parse(raw ?? '{}') as { contactId: string }).contactId;
}
