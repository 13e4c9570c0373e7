/**
 * What a worker receives: the credential as JSON (for any VC wallet), and its QR code as PNG
 * (for printing) and SVG (for scaling). Rendering is pure and returns bytes; writing them is
 * atomic, file by file. File names use the credential's uuid, never the worker's name.
 */
import { join } from 'node:path';
import { encodeQrText, renderQr, writeFileAtomically, type QrCatalogue, type SkillCredential } from '@corridor/shared';
import type { RenderedFiles } from './render-worker.js';

export interface CredentialFiles {
  baseName: string;
  json: string;
  png: Buffer;
  svg: string;
  qrText: string;
  qr: { version: number; modules: number; characters: number };
}

/** A credential's file name: its uuid, never anything personal. */
export function credentialBaseName(credential: SkillCredential): string {
  return credential.id.replace(/^urn:uuid:/, '').replace(/[^A-Za-z0-9-]/g, '_');
}

export async function renderCredentialFiles(credential: SkillCredential, options: { catalogue?: QrCatalogue } = {}): Promise<CredentialFiles> {
  const qrText = await encodeQrText(credential, options);
  const qr = renderQr(qrText);
  return {
    baseName: credentialBaseName(credential),
    json: JSON.stringify(credential, null, 2) + '\n',
    png: qr.png,
    svg: qr.svg,
    qrText,
    qr: { version: qr.version, modules: qr.modules, characters: qrText.length },
  };
}

/** Writes the files that were rendered into `dir`, each atomically; returns their paths. */
export function writeRenderedFiles(dir: string, files: RenderedFiles): string[] {
  const written: string[] = [];
  for (const kind of ['json', 'png', 'svg', 'html'] as const) {
    const data = files[kind];
    if (data === undefined) continue;
    const path = join(dir, `${files.baseName}.${kind}`);
    writeFileAtomically(path, data);
    written.push(path);
  }
  return written;
}
