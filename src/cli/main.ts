#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import pc from 'picocolors';
import { version } from '../../package.json';
import { MODEL_PRICES, PRICES_AS_OF } from '../usage/prices';
import { cassetteStats } from './commands/cassetteStats';
import { describeCassettes } from './commands/describeCassettes';
import { listJsonFiles, scanFiles } from './commands/scanPaths';
import { showCassette } from './commands/showCassette';

/** Builds the `cassette` command-line program. `exit` receives the exit code of a command. */
export function buildProgram(exit: (code: number) => void = (code) => (process.exitCode = code)): Command {
  const program = new Command('cassette')
    .description('fetch-cassette: record and replay HTTP (LLM APIs first) in JSON cassettes')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      '\nModes are chosen with the CASSETTE_MODE environment variable: record (default), replay (CI default), bypass, rerecord.\nDocs: README.md, docs/cassette-format.md, docs/filtering.md, docs/troubleshooting.md',
    );

  program
    .command('scan')
    .description('look for credentials in cassettes (and other JSON files): exit 1 if any is found')
    .argument('[paths...]', 'files or folders to scan (folders recursively, *.json)', ['test/cassettes'])
    .option('--json', 'print the findings as JSON')
    .action((paths: string[], opts: { json?: boolean }) => {
      if (!existing(paths, 'scan')) return;
      const files = listJsonFiles(paths);
      const findings = scanFiles(files);
      if (opts.json) {
        console.log(JSON.stringify({ files: files.length, findings }, null, 2));
      } else {
        for (const f of findings) {
          const where = f.interaction !== undefined ? `interaction #${f.interaction}, ${f.field}` : f.field;
          console.log(`${pc.red('✗')} ${f.file}: ${f.kind} in ${where}: ${f.preview}`);
        }
        const summary = `${findings.length} credential${findings.length === 1 ? '' : 's'} found in ${files.length} file${files.length === 1 ? '' : 's'}`;
        console.log(findings.length ? pc.red(summary) : pc.green(summary));
      }
      exit(findings.length ? 1 : 0);
    });
  const existing = (paths: string[], command: string): boolean => {
    const missing = paths.filter((p) => !existsSync(p));
    if (missing.length) {
      console.error(`cassette ${command}: no such file or folder: ${missing.join(', ')}`);
      exit(2);
    }
    return missing.length === 0;
  };

  program
    .command('ls')
    .description('list cassettes: interactions, streamed and templated ones, tokens, last recording')
    .argument('[paths...]', 'files or folders (folders recursively, *.json)', ['test/cassettes'])
    .option('--json', 'print the list as JSON')
    .action((paths: string[], opts: { json?: boolean }) => {
      if (!existing(paths, 'ls')) return;
      const list = describeCassettes(listJsonFiles(paths));
      if (opts.json) console.log(JSON.stringify(list, null, 2));
      else
        for (const c of list) {
          console.log(c.error ? `${c.file}  ${pc.red('invalid')}` : `${c.file}  ${c.interactions} interactions (${c.streamed} streamed, ${c.templated} templated), ${c.tokens} tokens, last recorded ${c.lastRecorded ?? 'unknown'}`);
        }
      exit(0);
    });

  program
    .command('show')
    .description('print a cassette readably: LLM calls as conversations, with tokens and stream events')
    .argument('<file>', 'the cassette file')
    .option('-i, --interaction <n>', 'only interaction number n (from 1)')
    .action((file: string, opts: { interaction?: string }) => {
      if (!existing([file], 'show')) return;
      try {
        console.log(showCassette(file, opts.interaction ? Number(opts.interaction) : undefined));
        exit(0);
      } catch (error) {
        console.error((error as Error).message);
        exit(1);
      }
    });

  program
    .command('stats')
    .description('tokens per model in the cassettes, and what one replay of them saves at list price')
    .argument('[paths...]', 'files or folders (folders recursively, *.json)', ['test/cassettes'])
    .option('--json', 'print the statistics as JSON')
    .option('--prices <file>', 'a JSON file of { "model-prefix": { "input": usd, "output": usd } } per million tokens, added to the built-in prices')
    .action((paths: string[], opts: { json?: boolean; prices?: string }) => {
      if (!existing(paths, 'stats')) return;
      let extra = {};
      if (opts.prices) {
        if (!existsSync(opts.prices)) return void (console.error(`cassette stats: no such prices file: ${opts.prices}`), exit(2));
        extra = JSON.parse(readFileSync(opts.prices, 'utf8')) as object;
      }
      const stats = cassetteStats(listJsonFiles(paths), { ...MODEL_PRICES, ...extra });
      const known = stats.filter((s) => s.cost !== null).reduce((sum, s) => sum + s.cost!, 0);
      if (opts.json) {
        console.log(JSON.stringify({ models: stats, totalCost: known, pricesAsOf: PRICES_AS_OF }, null, 2));
      } else {
        for (const s of stats) {
          const cost = s.cost === null ? 'price unknown' : `$${s.cost.toFixed(4)}`;
          console.log(`${s.model}: ${s.calls} calls, ${s.inputTokens} input + ${s.outputTokens} output tokens, ${cost}`);
        }
        console.log(`each replay saves about $${known.toFixed(4)} (list prices as of ${PRICES_AS_OF}; --prices to override)`);
      }
      exit(0);
    });

  program
    .command('verify')
    .description('check that files are valid cassettes (exit 1 naming file, line and column if not)')
    .argument('[paths...]', 'files or folders (folders recursively, *.json)', ['test/cassettes'])
    .action((paths: string[]) => {
      if (!existing(paths, 'verify')) return;
      const list = describeCassettes(listJsonFiles(paths));
      for (const c of list) console.log(c.error ? `${pc.red('✗')} ${c.error}` : `${pc.green('✓')} ${c.file} (${c.interactions} interactions)`);
      const bad = list.filter((c) => c.error).length;
      console.log(bad ? pc.red(`${bad} of ${list.length} files are not valid cassettes`) : pc.green(`${list.length} valid cassette${list.length === 1 ? '' : 's'}`));
      exit(bad ? 1 : 0);
    });
  return program;
}

buildProgram().parse(process.argv);
