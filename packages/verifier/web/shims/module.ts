/**
 * node:module for the browser: nothing the page runs needs `createRequire` (QR codes are read by
 * ZXing and PDFs by pdf.js, both in scan.ts; rendering with qrcode is the issuer's).
 */
export const createRequire = () => (id: string): unknown => {
  throw new Error(`${id} is not loaded in the officer's page`);
};
