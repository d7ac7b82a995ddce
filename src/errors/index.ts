export { CassetteError, type CassetteErrorCode } from './CassetteError';
export { CassetteNotFoundError } from './CassetteNotFoundError';
export { CassetteCorruptError } from './CassetteCorruptError';
export { InvalidOptionError } from './InvalidOptionError';
export { RecordingNetworkError } from './RecordingNetworkError';
export { SecretLeakError, type SecretFinding } from './SecretLeakError';
export { NoMatchingInteractionError, type MissDifference } from './NoMatchingInteractionError';
