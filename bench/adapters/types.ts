import type { Origin } from '../originServer';
import type { Workload } from '../workloads';

/** A tool under test, set up for one workload: a `fetch` that replays, and its teardown. */
export interface Prepared {
  fetch: typeof globalThis.fetch;
  /** The URL to request, when the tool is a proxy with its own address. */
  baseUrl?: string;
  close(): Promise<void>;
}

export interface Adapter {
  name: string;
  /** A reason to leave a workload out (reported in the table), or undefined. */
  skip?(workload: Workload): string | undefined;
  /** Records the workload from the origin as the tool's docs recommend, then switches to replay. */
  prepare(workload: Workload, origin: Origin, dir: string): Promise<Prepared>;
}
