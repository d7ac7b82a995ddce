export { startFakeLlmServer, type FakeLlmServer, type FakeLlmServerOptions, type FakeLlmRequest } from './startFakeLlmServer';
export { replyFor, countTokens } from './replyFor';
