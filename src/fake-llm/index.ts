export {
  startFakeLlmServer,
  type FakeLlmServer,
  type FakeLlmServerOptions,
  type FakeLlmRequest,
  type FakeStreamBehaviour,
} from './startFakeLlmServer';
export { replyFor, countTokens } from './replyFor';
