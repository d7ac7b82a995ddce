/** Built-in template patterns. `llm` is `anthropic` and `openai` together. */
export const TEMPLATE_PRESETS: Readonly<Record<'anthropic' | 'openai' | 'llm' | 'common', Readonly<Record<string, RegExp>>>> = {
  anthropic: {
    msg_id: /msg_[a-zA-Z0-9]+/,
    toolu_id: /toolu_[a-zA-Z0-9]+/,
    anthropic_request_id: /req_[a-zA-Z0-9]+/,
  },
  openai: {
    chatcmpl_id: /chatcmpl-[a-zA-Z0-9]+/,
    call_id: /call_[a-zA-Z0-9]+/,
  },
  llm: {
    msg_id: /msg_[a-zA-Z0-9]+/,
    toolu_id: /toolu_[a-zA-Z0-9]+/,
    anthropic_request_id: /req_[a-zA-Z0-9]+/,
    chatcmpl_id: /chatcmpl-[a-zA-Z0-9]+/,
    call_id: /call_[a-zA-Z0-9]+/,
  },
  common: {
    uuid: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i,
    iso_timestamp: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/,
  },
};
