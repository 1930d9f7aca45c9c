/**
 * A browser call between the customer page and the agent desk, through
 * the server's signalling on the two live sockets: Chromium's fake
 * microphone on both sides, host candidates only (no STUN). The test
 * waits for ICE to connect on both pages, checks audio arrives (the
 * inbound audio stream's bytes grow between two samples), hangs up from
 * the customer's side and reads the call's times from the contact.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleWatch, launchChromium } from './support/browser.js';
import { buildPages } from './support/buildPages.js';
import { askForContact, readyDesk, savedContactId } from './support/pages.js';
import { screenshot } from './support/screenshot.js';
import { apiCall, apiToken, startCenter, type TestCenter } from './support/startCenter.js';

const mediaFlags = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

/** The peer connections a page creates, kept where the test can reach them. */
interface TappedPage {
  tappedConnections: {
    iceConnectionState: string;
    getStats(): Promise<Map<string, { type: string; kind?: string; bytesReceived?: number }>>;
  }[];
  RTCPeerConnection: new (...args: unknown[]) => object;
}

async function tapPeerConnections(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = globalThis as unknown as TappedPage;
    const Native = w.RTCPeerConnection;
    w.tappedConnections = [];
    w.RTCPeerConnection = class extends Native {
      constructor(...args: unknown[]) {
        super(...args);
        w.tappedConnections.push(this as unknown as TappedPage['tappedConnections'][number]);
      }
    };
  });
}

function iceState(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const list = (globalThis as unknown as TappedPage).tappedConnections;
    return list.at(-1)?.iceConnectionState ?? null;
  });
}

/** Bytes received so far on the page's inbound audio stream. */
function audioBytesIn(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const pc = (globalThis as unknown as TappedPage).tappedConnections.at(-1);
    if (!pc) return -1;
    let bytes = 0;
    for (const report of (await pc.getStats()).values())
      if (report.type === 'inbound-rtp' && report.kind === 'audio')
        bytes += report.bytesReceived ?? 0;
    return bytes;
  });
}

describe('a browser call between a customer and an agent', () => {
  let center: TestCenter;
  let browser: Browser;
  const watch = new ConsoleWatch();

  beforeAll(async () => {
    const [root, launched] = await Promise.all([buildPages(), launchChromium(mediaFlags)]);
    browser = launched;
    center = await startCenter(root);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await center?.stop();
  });

  it('connects both pages, carries audio, and records when the call connected and ended', async () => {
    const alice = await readyDesk(browser, watch, center.url, 'agent1', tapPeerConnections);
    const customer = await watch.open(browser, 'customer', {
      viewport: { width: 390, height: 800 },
    });
    await tapPeerConnections(customer);
    await customer.goto(center.url);
    await askForContact(customer, {
      name: 'Victor Voice',
      email: 'victor@example.com',
      channel: 'Voice call',
      topic: 'Billing and payments',
    });
    await alice.getByTestId('offer').getByRole('button', { name: 'Accept' }).click();

    const connected = /^(connected|completed)$/;
    await expect.poll(() => iceState(alice), { timeout: 15_000 }).toMatch(connected);
    await expect.poll(() => iceState(customer), { timeout: 15_000 }).toMatch(connected);
    await customer.getByTestId('call').and(customer.locator('[data-phase="connected"]')).waitFor();
    await alice.getByTestId('call').and(alice.locator('[data-phase="connected"]')).waitFor();
    const first = [await audioBytesIn(customer), await audioBytesIn(alice)];
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const second = [await audioBytesIn(customer), await audioBytesIn(alice)];
    expect(second[0]).toBeGreaterThan(first[0]!);
    expect(second[1]).toBeGreaterThan(first[1]!);
    await screenshot(customer, 'customer-call');
    await screenshot(alice, 'agent-call');

    await customer.getByRole('button', { name: 'Mute' }).click();
    await customer.getByRole('button', { name: 'Hang up' }).click();
    await alice.getByText('(customer hung up)').waitFor();
    await alice.getByRole('button', { name: 'End call' }).click();

    const contactId = await savedContactId(customer);
    const token = await apiToken(center.url, 'supervisor1', 'supervisor-demo');
    const transcript = await apiCall<{
      media: { connectedAt: number; endedAt: number; endedBy: string; mutes: unknown[] };
    }>(center.url, 'GET', `/api/contacts/${contactId}/transcript`, token);
    expect(transcript.media.connectedAt).toBeGreaterThan(0);
    expect(transcript.media.endedAt).toBeGreaterThanOrEqual(transcript.media.connectedAt);
    expect(transcript.media.endedBy).toBe('customer');
    expect(transcript.media.mutes).toHaveLength(1);
    expect(watch.problems).toEqual([]);
  }, 60_000);
});
