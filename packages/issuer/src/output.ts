/**
 * What a worker receives: the credential as JSON (for any VC wallet), and its QR code as PNG
 * (for printing) and SVG (for scaling). Pure: returns bytes; the CLI decides where they go.
 * File names use the credential's uuid, never the worker's name.
 */
import { encodeQrText, renderQr, type QrCatalogue, type SkillCredential } from '@corridor/shared';

export interface CredentialFiles {
  baseName: string;
  json: string;
  png: Buffer;
  svg: string;
  qrText: string;
  qr: { version: number; modules: number; characters: number };
}

export async function renderCredentialFiles(credential: SkillCredential, options: { catalogue?: QrCatalogue } = {}): Promise<CredentialFiles> {
  const qrText = await encodeQrText(credential, options);
  const qr = renderQr(qrText);
  return {
    baseName: credential.id.replace(/^urn:uuid:/, '').replace(/[^A-Za-z0-9-]/g, '_'),
    json: JSON.stringify(credential, null, 2) + '\n',
    png: qr.png,
    svg: qr.svg,
    qrText,
    qr: { version: qr.version, modules: qr.modules, characters: qrText.length },
  };
}
