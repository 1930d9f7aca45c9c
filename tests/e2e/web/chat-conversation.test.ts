/**
 * A chat between the customer page and the agent desk against the real
 * server: messages both ways in order, markup shown as text, the customer
 * page leaving and coming back in the middle without losing a message,
 * and the transcript in the customer's history beside their next contact.
 * Then a stranger's socket trying to read or write that chat is refused.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ConsoleWatch, launchChromium } from './support/browser.js';
import { buildPages } from './support/buildPages.js';
import { askForContact, readyDesk, savedContactId } from './support/pages.js';
import { screenshot } from './support/screenshot.js';
import { apiCall, apiToken, startCenter, type TestCenter } from './support/startCenter.js';

const zoe = {
  name: 'Zoe Chat',
  email: 'zoe.chat@example.com',
  channel: 'Chat',
  topic: 'Billing and payments',
} as const;

async function say(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

function logTexts(page: Page) {
  return page.getByTestId('chat-log').locator('.message:not(.pending) .text').allTextContents();
}

describe('a chat between a customer and an agent', () => {
  let center: TestCenter;
  let browser: Browser;
  let contactId = '';
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

  it('carries messages both ways in order, through a reconnect, into the next contact’s history', async () => {
    const alice = await readyDesk(browser, watch, center.url, 'agent1');
    const customer = await watch.open(browser, 'customer', {
      viewport: { width: 390, height: 800 },
    });
    await customer.goto(center.url);
    await askForContact(customer, zoe);
    await alice.getByTestId('offer').getByRole('button', { name: 'Accept' }).click();
    await customer.getByRole('heading', { name: 'You are connected' }).waitFor();
    contactId = await savedContactId(customer);

    await say(customer, 'Hello <b>there</b> & <script>alert(1)</script>');
    await say(alice, 'Hi Zoe, how can I help?');
    await say(customer, 'My invoice is wrong');
    await expect.poll(() => logTexts(alice)).toHaveLength(3);
    await customer.goto('about:blank');
    await say(alice, 'I see it. Fixing it now.');
    await say(alice, 'Done: you will get a new one.');
    await customer.goto(center.url);
    await customer.getByRole('heading', { name: 'You are connected' }).waitFor();
    await say(customer, 'Thank you!');

    const expected = [
      'Hello <b>there</b> & <script>alert(1)</script>',
      'Hi Zoe, how can I help?',
      'My invoice is wrong',
      'I see it. Fixing it now.',
      'Done: you will get a new one.',
      'Thank you!',
    ];
    await expect.poll(() => logTexts(customer)).toEqual(expected);
    await expect.poll(() => logTexts(alice)).toEqual(expected);
    expect(await alice.getByTestId('chat-log').locator('b, script').count()).toBe(0);
    await screenshot(customer, 'customer-chat');
    await screenshot(alice, 'agent-chat');

    await alice.getByRole('button', { name: 'End chat' }).click();
    await alice.getByLabel('Disposition').selectOption('resolved');
    await alice.getByRole('button', { name: 'Finish wrap-up' }).click();
    await customer.getByRole('heading', { name: 'The conversation has ended' }).waitFor();
    await customer.getByRole('button', { name: 'Start a new conversation' }).click();
    await askForContact(customer, zoe);
    await alice.getByTestId('offer').getByRole('button', { name: 'Accept' }).click();

    const profile = alice.getByRole('tabpanel').locator('.profile-pane');
    await profile.getByRole('button', { name: 'Show conversation' }).first().click();
    await expect
      .poll(() => profile.getByTestId('transcript').locator('.text').allTextContents())
      .toEqual(expected);
    await screenshot(alice, 'agent-history-transcript');
    expect(watch.problems).toEqual([]);
  }, 60_000);

  it('refuses a stranger’s socket the transcript and the chat, and sends it nothing of them', async () => {
    const stranger = await apiCall<{ token: string }>(
      center.url,
      'POST',
      '/api/contacts',
      undefined,
      {
        channel: 'chat',
        topic: 'sales',
        customer: { name: 'Mallory', email: 'mallory@example.com' },
      },
    );
    const socket = new WebSocket(
      `${center.url.replace('http', 'ws')}/api/ws?token=${stranger.token}`,
    );
    const received: { kind: string; problem?: { status: number }; text?: string }[] = [];
    socket.on('message', (data) => received.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once('open', resolve));

    socket.send(JSON.stringify({ type: 'chat.resume', contactId, after: 0 }));
    socket.send(JSON.stringify({ type: 'chat.send', contactId, clientId: 'x1', text: 'hi' }));
    await expect.poll(() => received.filter((m) => m.kind === 'error').length).toBe(2);
    socket.close();
    const http = await fetch(`${center.url}/api/contacts/${contactId}/transcript`, {
      headers: { authorization: `Bearer ${stranger.token}` },
    });
    const agent = await apiToken(center.url, 'agent3', 'agent-demo');
    const otherAgent = await fetch(`${center.url}/api/contacts/${contactId}/transcript`, {
      headers: { authorization: `Bearer ${agent}` },
    });

    expect(received.filter((m) => m.kind === 'error').map((m) => m.problem?.status)).toEqual([
      403, 403,
    ]);
    expect(received.filter((m) => m.kind === 'chat.message')).toEqual([]);
    expect([http.status, otherAgent.status]).toEqual([403, 403]);
    expect(await http.text()).not.toContain('invoice');
  });
});
