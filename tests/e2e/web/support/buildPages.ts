/**
 * Builds the web pages once for an end-to-end test file, with the
 * project's own Vite configuration, into a temporary folder of its own
 * (test files run in parallel, so they must not share web/dist).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const configFile = fileURLToPath(new URL('../../../../web/vite.config.ts', import.meta.url));

/** The folder holding the built index.html and assets. */
export async function buildPages(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'switchboard-web-'));
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's
  // development build; the tests drive what production serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile,
      mode: 'production',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}
