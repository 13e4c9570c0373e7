export * from './verify.js';
export * from './input.js';
export * from './format.js';
export * from './sync.js';
export * from './messages.js';
export * from './presentation.js';
export * from './http.js';
export * from './officer.js';
