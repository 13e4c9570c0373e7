/** node:module for the browser: the QR image libraries are never loaded there (the page has its own). */
export const createRequire = () => (id: string): never => {
  throw new Error(`${id} is not loaded in the officer's page`);
};
