// Globals node code expects, injected by the bundler wherever the bundle mentions them.
export { Buffer } from './buffer.js';
export { process } from './process.js';
