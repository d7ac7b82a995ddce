import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Tests decide the mode themselves; the developer's or CI's environment must not leak in.
    env: { CASSETTE_MODE: '', CI: '' },
  },
});
