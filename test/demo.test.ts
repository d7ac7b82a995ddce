import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTs } from './support/runTs';
import { makeTmpDir } from './support/tmpDir';

describe('npm run demo', () => {
  it('records the first call, replays the second, and the server sees one request', async () => {
    const tmp = makeTmpDir();
    try {
      const out = await runTs(path.join(__dirname, '..', 'examples', 'demo.ts'), {
        env: { ANTHROPIC_API_KEY: '', DEMO_CASSETTE_DIR: tmp.dir, NO_COLOR: '1' },
      });
      expect(out).toMatch(/call 1\s+recorded.*server requests so far: 1/);
      expect(out).toMatch(/call 2\s+replayed.*server requests so far: 1/);
      expect(out).toMatch(/text1 === text2: true/);
      expect(out).toMatch(/received 1 request in all/);
    } finally {
      tmp.cleanup();
    }
  });
});
