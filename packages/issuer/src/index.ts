export * from './store.js';
export * from './issuer.js';
export * from './output.js';
