#!/usr/bin/env node
import { Command } from 'commander';
import { version } from '../../package.json';

/** Builds the `cassette` command-line program. Commands arrive in later releases. */
export function buildProgram(): Command {
  return new Command('cassette')
    .description('fetch-cassette: record and replay HTTP (LLM APIs first) in JSON cassettes')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      '\nModes are chosen with the CASSETTE_MODE environment variable: record (default), replay (CI default), bypass, rerecord.\nDocs: README.md, docs/cassette-format.md, docs/troubleshooting.md',
    );
}

const program = buildProgram();
if (process.argv.length <= 2) program.help();
program.parse(process.argv);
