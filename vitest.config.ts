import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{engine,machines,sim,tests,bench}/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
