/**
 * A pointer drag the way a person makes one: press, move in small steps
 * (dnd-kit starts a drag only after a few pixels), release over the target.
 */
import type { Locator, Page } from 'playwright-core';

export async function dragTo(
  page: Page,
  source: Locator,
  target: Locator,
  offsetY = 0,
): Promise<void> {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag source or target is not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 8, from.y + from.height / 2 + 8, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + offsetY, { steps: 12 });
  await page.mouse.up();
}
