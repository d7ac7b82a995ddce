import type { ClosestInteraction, MissDifference } from '../matching/diagnoseMiss';
import { CassetteError } from './CassetteError';

export type { MissDifference };

export interface NoMatchDetails {
  cassettePath: string;
  mode: string;
  method: string;
  /** The request URL after redaction. */
  url: string;
  matchers: string[];
  interactionCount: number;
  closest: ClosestInteraction | undefined;
  /** Set for sequential matching: the position that was expected to match. */
  expectedPosition?: number;
}

function render(d: NoMatchDetails): string {
  const lines = [
    `fetch-cassette: no recorded interaction matches ${d.method} ${d.url}`,
    '',
    `  cassette: ${d.cassettePath} (${d.interactionCount} interaction${d.interactionCount === 1 ? '' : 's'})`,
    `  mode:     ${d.mode}`,
    `  matching: ${d.matchers.join(', ')}${d.expectedPosition !== undefined ? `, sequential (expected interaction #${d.expectedPosition + 1})` : ''}`,
  ];
  if (d.expectedPosition !== undefined && d.expectedPosition >= d.interactionCount) {
    lines.push('', `All ${d.interactionCount} recorded interactions were already used in order; this request is one more.`);
  }
  if (d.closest) {
    const c = d.closest;
    lines.push('', `Closest recorded interaction: #${c.position + 1} ${c.method} ${c.uri} (recorded ${c.recordedAt})`);
    if (c.differences.length === 0) {
      lines.push('  it matches, but was not the one expected at this position');
    }
    for (const diff of c.differences) {
      const where = diff.path ? ` ${diff.path}` : '';
      lines.push(`  ✗ ${diff.matcher}${where}`, `      recorded: ${diff.recorded}`, `      request:  ${diff.incoming}`);
    }
  } else if (d.interactionCount === 0) {
    lines.push('', 'The cassette has no interactions.');
  }
  lines.push(
    '',
    'To record this request, run with CASSETTE_MODE=record (records what is missing and keeps the rest),',
    'or CASSETTE_MODE=rerecord to record the whole cassette again.',
  );
  return lines.join('\n');
}

/** A request in `replay` mode that no recorded interaction matches. Nothing was sent. */
export class NoMatchingInteractionError extends CassetteError {
  readonly cassettePath: string;
  readonly mode: string;
  readonly request: { method: string; url: string };
  readonly closest: ClosestInteraction | undefined;

  constructor(details: NoMatchDetails) {
    super(render(details), 'ERR_CASSETTE_NO_MATCH');
    this.name = 'NoMatchingInteractionError';
    this.cassettePath = details.cassettePath;
    this.mode = details.mode;
    this.request = { method: details.method, url: details.url };
    this.closest = details.closest;
  }
}
