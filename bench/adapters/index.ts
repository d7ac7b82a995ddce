import { fetchCassette } from './fetchCassette';
import { floor } from './floor';
import { msw } from './msw';
import { nockBack } from './nockBack';
import { polly } from './polly';
import { talkbackProxy } from './talkback';
import type { Adapter } from './types';
import { undiciMockAgent } from './undiciMockAgent';

/** Every tool the benchmark measures, the floor first. */
export const ADAPTERS: Adapter[] = [floor, fetchCassette, undiciMockAgent, polly, msw, nockBack, talkbackProxy];
