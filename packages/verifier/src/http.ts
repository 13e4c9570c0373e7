/**
 * The verifier over HTTP in VC-API shapes: `POST /credentials/verify` → 200 {verified: true, …}
 * or 400 {verified: false, errors} (a Corridor skill credential through the full pipeline, any
 * other VC 2.0 credential through the standards path of generic-verify.ts, `issuerTrusted: false`);
 * `POST /presentations/verify` with challenge and domain.
 * Every error carries its code and a plain-language message in the requested language. Offline:
 * it answers from the trust pack it holds. The only file that knows express.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import { CorridorError, httpGuards, isObject, problemDetails, problemForError, type TrustIndex } from '@corridor/shared';
import { isCorridorCredential, verifyGenericCredential } from './generic-verify.js';
import { explain, isLanguage, LANGUAGES, VERDICTS, type Language } from './messages.js';
import type { OfficerTrustDocument } from './officer.js';
import { Oid4vpRequests } from './oid4vp.js';
import { verifySkillPresentation } from './presentation.js';
import { verifySkillCredential, type Check, type VerifyOptions } from './verify.js';

export interface VerifierAppOptions {
  trust: () => TrustIndex;
  country: string;
  maxStatusAgeSeconds?: number;
  now?: () => Date;
  bodyLimit?: string;
  /** What the officer's page at /officer/ needs to verify on the device; without it the page has no trust list. */
  officer?: () => OfficerTrustDocument;
  /** Where wallets reach this service (https://…), for OpenID4VP's response_uri; else the request's own origin. */
  publicUrl?: string;
  /** Open OpenID4VP requests (oid4vp.ts); one is made by default. */
  walletRequests?: Oid4vpRequests;
}

/** The bundled officer's page (web/build.mjs), found the same way from src/ (tests) and dist/. */
const OFFICER_PAGE_DIR = fileURLToPath(new URL('../dist/web/', import.meta.url));
/** Files of the page that the build also writes compressed (`.br`, `.gz`), with their types. */
const PRECOMPRESSED: Record<string, string> = { 'app.js': 'text/javascript; charset=utf-8', 'app.css': 'text/css; charset=utf-8' };

// The page runs only its own code: no inline script, no other origin, camera for itself only.
const OFFICER_PAGE_HEADERS = {
  'Cache-Control': 'no-cache',
  // 'wasm-unsafe-eval': the page's QR reader (ZXing) is WebAssembly, served from here like the scripts.
  'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob: mediastream:; " +
    "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

interface RequestOptions { country?: unknown; purpose?: unknown; language?: unknown; challenge?: unknown; domain?: unknown }

function readOptions(body: Record<string, unknown>, app: VerifierAppOptions): { verify: VerifyOptions; language: Language; challenge?: string; domain?: string } {
  const options = (isObject(body.options) ? body.options : {}) as RequestOptions;
  const country = options.country ?? app.country;
  if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country)) throw new CorridorError('ERR_INPUT_INVALID', 'options.country must be an ISO 3166-1 alpha-2 code');
  const purpose = options.purpose ?? 'employment';
  if (purpose !== 'employment' && purpose !== 'further-study') throw new CorridorError('ERR_INPUT_INVALID', 'options.purpose must be employment or further-study');
  const language = options.language ?? 'en';
  if (!isLanguage(language)) throw new CorridorError('ERR_INPUT_INVALID', `options.language must be one of ${LANGUAGES.join(', ')}`);
  for (const key of ['challenge', 'domain'] as const) {
    if (options[key] !== undefined && (typeof options[key] !== 'string' || (options[key] as string).length > 500)) {
      throw new CorridorError('ERR_INPUT_INVALID', `options.${key} must be a string`);
    }
  }
  return {
    verify: {
      trust: app.trust(), country, purpose, ...(app.now ? { now: app.now() } : {}),
      ...(app.maxStatusAgeSeconds ? { maxStatusAgeSeconds: app.maxStatusAgeSeconds } : {}),
    },
    language,
    ...(typeof options.challenge === 'string' ? { challenge: options.challenge } : {}),
    ...(typeof options.domain === 'string' ? { domain: options.domain } : {}),
  };
}

const errorsOf = (checks: Check[], language: Language) =>
  checks.filter((c) => !c.ok && c.code).map((c) => ({ code: c.code!, check: c.id, message: explain(c.code!, language) }));

export function createVerifierApp(options: VerifierAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(httpGuards({ limited: ['POST /credentials/verify', 'POST /presentations/verify', 'POST /oid4vp/'], perMinute: 120 }));
  app.use(express.json({ limit: options.bodyLimit ?? '256kb' }));
  const walletRequests = options.walletRequests ?? new Oid4vpRequests(options.now ? { now: options.now } : {});

  // OpenID4VP (oid4vp.ts): the page asks for a request and polls it; the wallet answers by direct_post.
  app.post('/oid4vp/requests', async (req, res) => {
    const body = (isObject(req.body) ? req.body : {}) as { nonce?: unknown; companions?: unknown };
    if (body.nonce !== undefined && typeof body.nonce !== 'string') throw new CorridorError('ERR_INPUT_INVALID', 'nonce must be a string');
    const request = await walletRequests.create({
      publicUrl: options.publicUrl ?? `${req.protocol}://${req.get('host')}`, ...(typeof body.nonce === 'string' ? { nonce: body.nonce } : {}),
      companions: body.companions !== false,
    });
    res.status(201).set('Cache-Control', 'no-store').json(request);
  });
  app.get('/oid4vp/requests/:id', (req, res) => {
    res.set('Cache-Control', 'no-store').json(walletRequests.status(req.params.id as string));
  });
  app.post('/oid4vp/response', express.urlencoded({ extended: false, limit: options.bodyLimit ?? '256kb' }), async (req, res) => {
    const body = (isObject(req.body) ? req.body : {}) as Record<string, unknown>;
    const result = await walletRequests.respond(body, readOptions({}, options).verify);
    res.set('Cache-Control', 'no-store').json({ verified: result.verdict === 'valid' });
  });

  app.post('/credentials/verify', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    if (!isObject(body) || !isObject(body.verifiableCredential)) throw new CorridorError('ERR_INPUT_INVALID', 'the body must be {verifiableCredential, options}');
    const { verify, language } = readOptions(body, options);
    // Off Corridor's shape, the standards path: proof, dates and status only, the issuer not evaluated.
    const result = isCorridorCredential(body.verifiableCredential)
      ? await verifySkillCredential(body.verifiableCredential, verify) : await verifyGenericCredential(body.verifiableCredential, verify);
    const verified = result.verdict === 'valid';
    res.status(verified ? 200 : 400).json({
      // One field every client can read: was the issuer found accredited (Corridor path only)?
      verified, headline: VERDICTS[language][result.verdict], issuerTrusted: result.checks.some((c) => c.id === 'issuer' && c.ok), ...result,
      ...(verified ? {} : { errors: errorsOf(result.checks, language) }),
    });
  });

  app.post('/presentations/verify', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    if (!isObject(body) || !isObject(body.verifiablePresentation)) throw new CorridorError('ERR_INPUT_INVALID', 'the body must be {verifiablePresentation, options}');
    const { verify, language, challenge, domain } = readOptions(body, options);
    const result = await verifySkillPresentation(body.verifiablePresentation, {
      ...verify, ...(challenge !== undefined ? { challenge } : {}), ...(domain !== undefined ? { domain } : {}),
    });
    const verified = result.verdict === 'valid';
    const checks = [...(result.holder ? [result.holder] : []), ...(result.credentials[result.primary]?.checks ?? [])];
    res.status(verified ? 200 : 400).json({
      verified, headline: VERDICTS[language][result.verdict], ...result, ...(verified ? {} : { errors: errorsOf(checks, language) }),
    });
  });

  app.get('/', (_req, res) => res.redirect(302, '/officer/'));
  app.use('/officer', (_req, res, next) => {
    res.set(OFFICER_PAGE_HEADERS);
    next();
  });
  app.get('/officer/trust.json', (_req, res) => {
    if (!options.officer) throw new CorridorError('ERR_NOT_FOUND', 'this verifier serves no trust list to the officer page');
    // Signed by the registry operator and checked by the page against what it pinned: never kept by a cache.
    res.set('Cache-Control', 'no-store').json(options.officer());
  });
  // The bundle is large and officers' connections slow: its brotli or gzip copy, made at build time.
  app.get('/officer/:file', (req, res, next) => {
    const file = req.params.file as string;
    const type = Object.hasOwn(PRECOMPRESSED, file) ? PRECOMPRESSED[file] : undefined;
    // Brotli whenever it is acceptable at all (it is the smaller), whatever order the client listed them in.
    const encoding = !type ? false : req.acceptsEncodings('br') === 'br' ? 'br' : req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : false;
    const path = encoding ? join(OFFICER_PAGE_DIR, `${file}.${encoding === 'br' ? 'br' : 'gz'}`) : '';
    res.vary('Accept-Encoding');
    if (!encoding || !existsSync(path)) return next();
    res.set({ 'Content-Encoding': encoding, 'Content-Type': type! });
    res.sendFile(path, { cacheControl: false }, (error) => { if (error) next(error); });
  });
  if (existsSync(OFFICER_PAGE_DIR)) app.use('/officer', express.static(OFFICER_PAGE_DIR, { index: 'index.html', cacheControl: false, redirect: true }));

  app.use((req, res) => {
    const body = problemDetails('ERR_NOT_FOUND', 'no such endpoint', req.path);
    res.status(body.status).type('application/problem+json').json(body);
  });

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { body, internal } = problemForError(error, req.path);
    res.status(body.status).type('application/problem+json').json({ ...body, verified: false });
  });
  return app;
}
