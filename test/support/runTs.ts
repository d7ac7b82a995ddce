import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** tsx's loader, by absolute URL so a child can run TypeScript from any working directory. */
export const TSX_LOADER = pathToFileURL(path.resolve(__dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/**
 * Runs a TypeScript file in a child Node process and resolves with its stdout. Asynchronous, so
 * servers in the test process keep answering the child.
 */
export function runTs(file: string, options: { cwd?: string; env?: NodeJS.ProcessEnv; args?: string[] } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', TSX_LOADER, file, ...(options.args ?? [])],
      { cwd: options.cwd, encoding: 'utf8', env: { ...process.env, CASSETTE_MODE: '', CI: '', ...options.env } },
      (error, stdout, stderr) => (error ? reject(Object.assign(error, { stdout, stderr })) : resolve(stdout)),
    );
  });
}
