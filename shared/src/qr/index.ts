export * from './base45.js';
export * from './cborld.js';
export * from './image.js';
export * from './reader.js';
export { MAX_FILE_READ_MS, MAX_PDF_PAGES, MAX_READS_PER_PAGE, WorkBudget } from './budget.js';
export { MAX_PAGE_IMAGE_PAINTS, MAX_PAGE_OPERATORS, PDF_RENDER_DPI, readQrsFromPdfDocument } from './pdf-render.js';
export * from './catalogue.js';
export * from './pdf.js';
export { CborMap, CborTag, decodeCbor, encodeCbor, type CborValue } from './cbor.js';
