import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', global: 'src/global.ts', vitest: 'src/integrations/vitest.ts', 'fake-llm/index': 'src/fake-llm/index.ts' },
    external: ['vitest'],
    format: ['esm', 'cjs'],
    // One copy of the shared code for every entry point, in both formats, so that error classes
    // thrown by fetch-cassette/global are the ones exported by fetch-cassette.
    splitting: true,
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
  },
]);
