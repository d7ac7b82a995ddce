import { defineConfig } from 'vitest/config';
import { CassetteSummaryReporter } from './src/integrations/vitest';

// Runs the example test files of examples/ (test/guide.test.ts starts it in a temporary folder).
export default defineConfig({
  test: {
    include: ['examples/**/*.test.ts'],
    testTimeout: 30_000,
    reporters: ['default', new CassetteSummaryReporter()],
  },
});
