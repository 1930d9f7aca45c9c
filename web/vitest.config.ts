/**
 * The pages' unit tests (store, event rules, result parsing): pure
 * TypeScript run in Node, beside the code they test. Run with
 * `npm run web:test`, and by `npm test` as a project of the root config.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'web',
    include: ['src/**/*.test.ts', '*.test.ts'],
    environment: 'node',
  },
});
