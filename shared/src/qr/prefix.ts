/** How a credential's QR text starts; kept apart so the image reader can tell it without the codec. */

/** VC Barcodes' QR header (`VC1-`) and the multibase prefix of base45 (`R`). */
export const QR_PREFIX = 'VC1-R';
/** What Corridor printed before it followed VC Barcodes: still read, never written. */
export const LEGACY_QR_PREFIX = 'CC1:';

/** Whether a QR text is a credential's (and not, say, a wallet offer printed beside it). */
export const isCredentialQrText = (text: string): boolean => text.startsWith(QR_PREFIX) || text.startsWith(LEGACY_QR_PREFIX);
