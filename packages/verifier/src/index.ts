export * from './verify.js';
export * from './input.js';
export * from './format.js';
export * from './sync.js';
