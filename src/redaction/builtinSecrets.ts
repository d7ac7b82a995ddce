/** The placeholder that replaces a redacted credential wherever its position must stay visible. */
export const REDACTED = 'REDACTED';

/** Request headers that carry credentials: always removed before storing and matching. */
export const SECRET_REQUEST_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'cookie',
  'x-amz-security-token',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
];

/** Response headers that carry credentials or session state: always removed before storing. */
export const SECRET_RESPONSE_HEADERS: readonly string[] = ['set-cookie', 'set-cookie2', 'www-authenticate'];

/** Account identifiers: kept as a placeholder so the header's presence stays visible. */
export const IDENTIFIER_HEADERS: readonly string[] = [
  'openai-organization',
  'openai-project',
  'anthropic-organization-id',
];

/** Query parameters that carry credentials: their value becomes {@link REDACTED}, so URLs still match. */
export const SECRET_QUERY_PARAMS: readonly string[] = [
  'key',
  'api_key',
  'apikey',
  'api-key',
  'access_token',
  'token',
  'auth',
  'auth_token',
  'client_secret',
  'password',
  'secret',
  'sig',
  'signature',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
];

/** Headers that describe the transport, not the content: never replayed as they were recorded. */
export const HOP_BY_HOP_HEADERS: readonly string[] = [
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'proxy-connection',
  'upgrade',
  'trailer',
];
