// Any other node: built-in, for the browser: importing is harmless, calling says what happened.
module.exports = new Proxy({}, {
  get: (_, name) => (name === '__esModule' ? false : () => {
    throw new Error(`${String(name)} is not available in the officer's page`);
  }),
});
