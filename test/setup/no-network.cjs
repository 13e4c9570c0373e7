// Refuses every outbound connection that is not to loopback, for every test file.
// Attempts are recorded on globalThis.__corridorNetworkAttempts so tests can assert none happened.
const net = require('node:net');
const dns = require('node:dns');

const attempts = [];
globalThis.__corridorNetworkAttempts = attempts;

const isLoopback = (host) =>
  host === undefined || host === 'localhost' || host === '::1' || /^127\./.test(String(host));

function refuse(target) {
  attempts.push(String(target));
  const err = new Error(`network access refused in tests: ${target}`);
  err.code = 'ERR_TEST_NETWORK_REFUSED';
  return err;
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const first = args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
  if (options.path === undefined && !isLoopback(options.host)) {
    throw refuse(`${options.host}:${options.port}`);
  }
  return originalConnect.apply(this, args);
};

for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  const original = dns[name];
  dns[name] = function guarded(host, ...rest) {
    if (isLoopback(host)) return original.call(this, host, ...rest);
    throw refuse(`dns:${host}`);
  };
}

const originalFetch = globalThis.fetch;
if (originalFetch) {
  globalThis.fetch = async function guardedFetch(input, init) {
    const url = new URL(typeof input === 'string' ? input : input.url ?? String(input));
    if (!isLoopback(url.hostname.replace(/^\[|\]$/g, ''))) throw refuse(url.origin);
    return originalFetch(input, init);
  };
}
