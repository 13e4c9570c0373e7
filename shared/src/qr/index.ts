export * from './base45.js';
export * from './cborld.js';
export * from './image.js';
export * from './reader.js';
export * from './catalogue.js';
export * from './pdf.js';
export { encodeQrSymbol, type EccLevel, type QrSymbol } from './symbol.js';
export { decodeQrModules, readPristineQr } from './symbol-read.js';
export { CborMap, CborTag, decodeCbor, encodeCbor, type CborValue } from './cbor.js';
