import { describe, expect, it } from 'vitest';
import { createCassette, InvalidOptionError, type CassetteOptions } from '../src/index';

const bad: [string, unknown, RegExp][] = [
  ['an unknown option (snake_case) suggests the camelCase name', { filter_request_headers: ['x'] }, /'filter_request_headers'.*did you mean 'filterRequestHeaders'/],
  ['a typo lists the known options', { cassetteDirr: 'x' }, /unknown option; known options: cassetteDir, mode/],
  ['mode', { mode: 'recrod' }, /'mode'.*'record', 'replay', 'bypass', 'rerecord'/],
  ['matchRequestsOn', { matchRequestsOn: ['method', 'path'] }, /'matchRequestsOn'.*"path" is not a matcher; use 'method', 'uri', 'query', 'body', 'headers'/],
  ['filterRequestHeaders', { filterRequestHeaders: 'authorization' }, /'filterRequestHeaders'.*array of header names/],
  ['filterSensitiveData', { filterSensitiveData: [[/x/]] }, /'filterSensitiveData'.*entry 0 must be \[RegExp \| string, string\]/],
  ['replayTiming', { replayTiming: 'slow' }, /'replayTiming'.*'instant', 'recorded' or a positive speed factor/],
  ['onUnusedInteractions', { onUnusedInteractions: 'fail' }, /'ignore', 'warn' or 'error'/],
  ['template preset', { template: { preset: 'gemini' } }, /'template.preset'.*available: openai, anthropic, llm, common/],
  ['template without patterns or preset', { template: {} }, /'template'.*needs patterns, a preset, or both/],
  ['template pattern that is not a RegExp', { template: { patterns: { id: 'conv_' } } }, /'template.patterns.id'.*expected a RegExp/],
  ['filterRequest', { filterRequest: 'no' }, /'filterRequest'.*expected a function/],
  ['sequential', { sequential: 'yes' }, /'sequential'.*true or false/],
];

describe('invalid options fail at creation with a message naming the option and the legal values', () => {
  it.each(bad)('%s', (_name, options, message) => {
    expect(() => createCassette('x', options as CassetteOptions)).toThrow(InvalidOptionError);
    expect(() => createCassette('x', options as CassetteOptions)).toThrow(message);
  });
});

describe('cassette names', () => {
  it.each(['../escape', 'a/../../b', '/etc/passwd', 'a//b', './a', 'bad:name', 'nul\u0000', '', 'back\\slash'])('refuses %j', (name) => {
    expect(() => createCassette(name, { cassetteDir: 'test/.tmp/names' })).toThrow(InvalidOptionError);
  });

  it('allows sub-folders and spaces, and resolves inside cassetteDir', () => {
    const c = createCassette('suite/generates code explanation', { cassetteDir: 'test/.tmp/names' });
    expect(c.path).toMatch(/test\/\.tmp\/names\/suite\/generates code explanation\.json$/);
    expect(c.name).toBe('suite/generates code explanation');
  });

  it("defaults cassetteDir to 'test/cassettes' under the working directory", () => {
    expect(createCassette('llm_example', { mode: 'bypass' }).path).toBe(`${process.cwd()}/test/cassettes/llm_example.json`);
  });
});
