export { createCassette } from './cassette/createCassette';
export { withCassette, type CassetteCallback } from './cassette/withCassette';
export { Cassette, type CassetteStats } from './cassette/Cassette';
export type { CassetteFile, StoredBody, StoredHeaders, StoredInteraction, StoredRequest, StoredResponse } from './cassette/types';
export type {
  CassetteMode,
  CassetteOptions,
  CustomMatcher,
  Matcher,
  SensitiveDataFilter,
  TemplateOptions,
} from './options/CassetteOptions';
export type { TokenUsage } from './usage/extractUsage';
export * from './errors/index';
