export { installGlobalFetch, withGlobalCassette, originalFetch, type OutsideCassette } from './transports/globalFetch';
