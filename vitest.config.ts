import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['{engine,machines,sim,tests,bench}/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      'web/vitest.config.ts',
    ],
  },
});
