import { defineConfig } from 'vitest/config';

// Runs the example test files of examples/ (test/guide.test.ts starts it in a temporary folder).
export default defineConfig({
  test: {
    include: ['examples/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
