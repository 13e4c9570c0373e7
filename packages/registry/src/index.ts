export * from './store.js';
export * from './policy.js';
export * from './registry.js';
export * from './trust-pack.js';
export * from './reference-setup.js';
export * from './signed-writes.js';
export * from './http.js';
export * from './templates.js';
