export * from './store.js';
export * from './issuer.js';
export * from './output.js';
export * from './issuance-policy.js';
export * from './cohort.js';
export * from './http.js';
export * from './certificate.js';
export * from './pdf.js';
