/**
 * The issuer over HTTP, in VC-API shapes: issue (201), update status, publish status lists,
 * list and download issued credentials. Every failure is RFC 9457 problem+json with a code.
 * The only file that knows express. Staff clients authenticate with OAuth 2.0 client
 * credentials (auth.ts): `issue`, `status` and `read` scopes; the status lists are public, and a
 * worker downloads their own credential with a one-time wallet code (wallet-link.ts). Who did
 * what to which credential id goes to the audit trail; names and birth dates go to no log.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { CorridorError, httpGuards, isObject, problemDetails, problemForError, renderQr, type TrustIndex } from '@corridor/shared';
import { OAuthError, requireScope, type Caller, type IssuerAuth, type Scope } from './auth.js';
import { qualificationToIssue, registeredName } from './issuance-policy.js';
import { checkAgainstRegistry, checkRetry, readIssueRequest } from './issue-request.js';
import type { Issuer } from './issuer.js';
import type { AuditAction, IssuerStore } from './store.js';
import { createWalletLink, redeemWalletLink } from './wallet-link.js';
import { Oid4vciRefusal, Oid4vciService, type ProtocolRequest } from './oid4vci.js';

export interface IssuerAppOptions {
  issuer: Issuer;
  store: IssuerStore;
  /** The trust pack this centre issues against: qualifications and its accreditation. */
  trust: () => TrustIndex;
  now?: () => Date;
  bodyLimit?: string;
  log?: (line: string) => void;
  /** Called after a status change, e.g. to push the lists to the registry at once. */
  onStatusChange?: () => Promise<void>;
  /** Who may call: createIssuerAuth over the same store. */
  auth: IssuerAuth;
  /** Per client per minute: token requests (default 30), issue requests (default 300), wallet downloads and OpenID4VCI token requests (default 30). */
  limits?: { tokenPerMinute?: number; issuePerMinute?: number; walletPerMinute?: number; deadlineMs?: number };
  /** The OpenID4VCI side (oid4vci.ts); one is made over the same issuer and store by default. */
  oid4vci?: Oid4vciService;
}

function invalid(message: string): never {
  throw new CorridorError('ERR_INPUT_INVALID', message);
}

/** RFC 6749 §2.3.1: `Basic base64(urlencode(id):urlencode(secret))`. */
function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const text = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) throw new OAuthError('invalid_request', 'malformed Basic credentials');
  try {
    return { clientId: decodeURIComponent(text.slice(0, colon).replace(/\+/g, ' ')), clientSecret: decodeURIComponent(text.slice(colon + 1).replace(/\+/g, ' ')) };
  } catch {
    throw new OAuthError('invalid_request', 'malformed Basic credentials');
  }
}

/** A token error: RFC 6749 §5.2's `error`, plus the problem-details fields and code every Corridor error has. */
function sendOAuthError(req: Request, res: Response, error: OAuthError): void {
  const code = error.error === 'invalid_client' ? 'ERR_UNAUTHENTICATED' : error.error === 'invalid_scope' ? 'ERR_FORBIDDEN' : 'ERR_INPUT_INVALID';
  // RFC 6749 §5.2: the scheme the client used (Basic), and Basic also where it sent the form body.
  if (error.status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="corridor-issuer"');
  res.status(error.status).set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' })
    .json({ error: error.error, error_description: error.description, ...problemDetails(code, error.description, req.path), status: error.status });
}

export function createIssuerApp(options: IssuerAppOptions): express.Express {
  const { issuer, store, trust, auth, now = () => new Date(), bodyLimit = '64kb', log = () => {}, onStatusChange, limits = {} } = options;
  const oid4vci = options.oid4vci ?? new Oid4vciService({ issuer, store, now });
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  // Who is calling, before the rate limit, so a client's budget is its own (not its network's).
  app.use(async (req, res, next) => {
    // A wallet's OpenID4VCI access token is not a staff token: oid4vci.ts checks it.
    if (req.headers.authorization === undefined || req.path === '/oauth2/token' || req.path.startsWith('/oid4vci/')) return next();
    try {
      const caller = await auth.authenticate(req.headers.authorization);
      res.locals.caller = caller;
      res.locals.clientId = caller.clientId;
    } catch (error) {
      res.locals.authError = error;
    }
    next();
  });
  app.use(httpGuards({
    limited: ['POST /oauth2/token', 'POST /credentials/issue', 'GET /wallet/', 'POST /oid4vci/token', 'POST /oid4vci/nonce'],
    perMinuteFor: {
      'POST /oauth2/token': limits.tokenPerMinute ?? 30, 'POST /credentials/issue': limits.issuePerMinute ?? 300,
      'GET /wallet/': limits.walletPerMinute ?? 30, 'POST /oid4vci/token': limits.walletPerMinute ?? 30,
      // Each nonce is a row until it expires: a wallet needs one or two.
      'POST /oid4vci/nonce': limits.walletPerMinute ?? 30,
    },
    ...(limits.deadlineMs ? { deadlineMs: limits.deadlineMs } : {}),
  }));
  app.use(express.json({ limit: bodyLimit }));

  /** The route's scope check: 401 without a valid token, 403 without the scope. */
  const need = (...scopes: Scope[]) => (_req: Request, res: Response, next: NextFunction) => {
    if (res.locals.authError) throw res.locals.authError;
    const caller = res.locals.caller as Caller | undefined;
    if (!caller) throw new CorridorError('ERR_UNAUTHENTICATED', 'send an access token: Authorization: Bearer <token> (POST /oauth2/token)');
    requireScope(caller, ...scopes);
    next();
  };
  const audit = (res: Response, action: AuditAction, credentialId?: string) => {
    const clientId = (res.locals.caller as Caller).clientId;
    store.audit([{ at: now().toISOString(), clientId, action, ...(credentialId ? { credentialId } : {}) }]);
    log(`${clientId} ${action}${credentialId ? ` ${credentialId}` : ''}`);
  };

  app.post('/oauth2/token', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const body = (isObject(req.body) ? req.body : {}) as Record<string, unknown>;
    const field = (name: string) => (typeof body[name] === 'string' ? body[name] as string : undefined);
    try {
      const basic = basicCredentials(req.headers.authorization);
      // One authentication method per request (RFC 6749 §2.3).
      if (basic && (field('client_id') !== undefined && field('client_id') !== basic.clientId || field('client_secret') !== undefined)) {
        throw new OAuthError('invalid_request', 'authenticate with HTTP Basic or with the form body, not both');
      }
      const token = await auth.grant({
        grantType: field('grant_type'), clientId: basic?.clientId ?? field('client_id'), clientSecret: basic?.clientSecret ?? field('client_secret'),
        // The W3C CCG test suites send `scopes` (and an `audience`, not needed here: tokens are for this issuer only).
        scope: field('scope') ?? field('scopes'),
      });
      log(`${basic?.clientId ?? field('client_id')} token ${token.scope}`);
      res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json(token);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      sendOAuthError(req, res, error);
    }
  });

  app.post('/credentials/issue', need('issue'), async (req, res) => {
    const at = now();
    const request = readIssueRequest(req.body, issuer.did, at);
    const qualification = qualificationToIssue(trust(), issuer.did, request.qualificationId, at);
    const registered = registeredName(trust(), issuer.did, qualification.id, at);
    const extras = checkAgainstRegistry(request, qualification, registered.issuerName ?? '');
    const existing = request.id !== undefined ? issuer.find(request.id) : undefined;
    if (existing) checkRetry(existing, request, extras, qualification);
    const verifiableCredential = await issuer.issue({
      qualification, subject: request.subject, assessedAt: request.assessedAt ?? at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      route: request.route, ...(request.validUntil ? { validUntil: request.validUntil } : {}), ...(request.id ? { id: request.id } : {}),
      ...registered, extras,
    }, { auditAs: (res.locals.caller as Caller).clientId });
    // A one-time download code for the worker's wallet, when the desk asks for one.
    const walletLink = request.walletLink
      ? createWalletLink(store, { credentialId: verifiableCredential.id, clientId: (res.locals.caller as Caller).clientId, baseUrl: issuer.baseUrl, now: now() })
      : undefined;
    res.status(201).json({ verifiableCredential, ...(walletLink ? { walletLink } : {}) });
  });

  app.post('/credentials/status', need('status'), async (req, res) => {
    const body = req.body as { credentialId?: unknown; credentialStatus?: unknown };
    if (!isObject(body) || typeof body.credentialId !== 'string') invalid('the body must be {credentialId, credentialStatus: [{type, status}]}');
    const updates = body.credentialStatus;
    if (!Array.isArray(updates) || updates.length !== 1 || !isObject(updates[0])) invalid('credentialStatus must be one [{type, status}]');
    const update = updates[0] as { type?: unknown; status?: unknown };
    if (update.type !== 'BitstringStatusListEntry') invalid('credentialStatus type must be BitstringStatusListEntry');
    if (update.status !== 'revoked') invalid('only status "revoked" is supported (revocation is permanent)');
    // The revocation and its audit entry commit together (nested transactions are savepoints).
    const row = store.transaction(() => {
      const revoked = issuer.revoke(body.credentialId as string);
      audit(res, 'revoke', revoked.id);
      return revoked;
    });
    // The revocation is committed; publishing it is best effort and retried on the next change.
    await onStatusChange?.().catch((error: unknown) => log(`status lists not pushed: ${(error as { code?: string }).code ?? (error as Error).name}`));
    res.status(200).json({ credentialId: row.id, credentialStatus: [{ type: 'BitstringStatusListEntry', status: 'revoked' }] });
  });

  app.get('/credentials/status/:list', async (req, res) => {
    const lists = await issuer.statusListCredentials();
    const list = lists.find((l) => l.id === issuer.statusListUrl(Number(req.params.list)));
    if (!list) throw new CorridorError('ERR_NOT_FOUND', 'no such status list');
    res.json(list);
  });

  app.get('/credentials', need('read'), (req, res) => {
    const limit = req.query.limit === undefined ? 100 : Number(req.query.limit);
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) invalid('limit must be 1..1000');
    const rows = store.credentials({
      ...(typeof req.query.name === 'string' ? { subjectName: req.query.name } : {}),
      ...(typeof req.query.qualification === 'string' ? { qualification: req.query.qualification } : {}), limit,
    });
    audit(res, 'list');
    res.json({ items: rows.map(({ json: _json, ...row }) => row) });
  });

  // A one-time code for the worker to download their own credential (read or issue clients).
  app.post('/credentials/:id/wallet-link', need('read', 'issue'), (req, res) => {
    const days = isObject(req.body) && req.body.days !== undefined ? Number(req.body.days) : undefined;
    const link = createWalletLink(store, { credentialId: (req.params.id as string), clientId: (res.locals.caller as Caller).clientId, baseUrl: issuer.baseUrl, now: now(), ...(days !== undefined ? { days } : {}) });
    log(`${(res.locals.caller as Caller).clientId} wallet-link ${(req.params.id as string)}`);
    res.status(201).set('Cache-Control', 'no-store').json(link);
  });

  app.get('/wallet/:code', (req, res) => {
    const credential = redeemWalletLink(store, (req.params.code as string), now());
    log(`wallet-download ${credential.id}`);
    res.type('application/vc+ld+json').set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
      .setHeader('content-disposition', `attachment; filename="${credential.id.replace(/^urn:uuid:/, '')}.json"`);
    res.send(JSON.stringify(credential, null, 2));
  });

  // OpenID4VCI (oid4vci.ts): metadata, token, nonce and credential endpoints for the worker's wallet.
  const protocolRequest = (req: Request): ProtocolRequest => ({ method: req.method, url: `${issuer.baseUrl}${req.originalUrl}`, headers: req.headers, body: req.body });
  app.get('/.well-known/openid-credential-issuer', (_req, res) => { res.json(oid4vci.credentialIssuerMetadata()); });
  app.get('/.well-known/oauth-authorization-server', (_req, res) => { res.json(oid4vci.authorizationServerMetadata()); });
  app.get('/oid4vci/jwks.json', (_req, res) => { res.type('application/jwk-set+json').json(oid4vci.jwks()); });
  app.post('/oid4vci/token', express.urlencoded({ extended: false, limit: '8kb' }), async (req, res) => {
    const token = await oid4vci.token(protocolRequest(req));
    log(`wallet token`);
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json(token);
  });
  app.post('/oid4vci/nonce', (_req, res) => { res.set('Cache-Control', 'no-store').json(oid4vci.nonce()); });
  app.post('/oid4vci/credential', async (req, res) => {
    const response = await oid4vci.credential(protocolRequest(req));
    log(`wallet credential issued`);
    res.set('Cache-Control', 'no-store').json(response);
  });

  // An offer for the worker's wallet: the openid-credential-offer:// URI (with its QR) and the PIN, shown once.
  app.post('/credentials/:id/offer', need('read', 'issue'), async (req, res) => {
    const days = isObject(req.body) && req.body.days !== undefined ? Number(req.body.days) : undefined;
    const clientId = (res.locals.caller as Caller).clientId;
    const offer = await oid4vci.createOffer({ credentialId: req.params.id as string, clientId, ...(days !== undefined ? { days } : {}) });
    log(`${clientId} offer ${req.params.id as string}`);
    res.status(201).set('Cache-Control', 'no-store').json({ ...offer, qrSvg: renderQr(offer.uri).svg });
  });

  app.get('/credentials/:id', need('read'), (req, res) => {
    const credential = issuer.find((req.params.id as string));
    if (!credential) throw new CorridorError('ERR_NOT_FOUND', 'no credential with this id was issued here');
    audit(res, 'download', credential.id);
    res.type('application/vc+ld+json').setHeader('content-disposition', `attachment; filename="${(req.params.id as string).replace(/^urn:uuid:/, '')}.json"`);
    res.send(JSON.stringify(credential, null, 2));
  });

  app.use((req, res) => {
    const body = problemDetails('ERR_NOT_FOUND', 'no such endpoint', req.path);
    res.status(body.status).type('application/problem+json').json(body);
  });

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // The deadline may have answered already (503); the late handler's outcome goes nowhere.
    if (res.headersSent) return;
    if (error instanceof Oid4vciRefusal) {
      // The protocol's error (`error`, `error_description`) and the Corridor problem fields together.
      if (error.wwwAuthenticate) res.setHeader('WWW-Authenticate', error.wwwAuthenticate);
      res.status(error.status).set({ 'Cache-Control': 'no-store' })
        .json({ error: error.error, error_description: error.description, ...problemDetails(error.code, error.description, req.path), status: error.status });
      return;
    }
    const { body, internal } = problemForError(error, req.path);
    if (internal) log(`internal error on ${req.method} ${req.path}: ${(error as Error)?.name ?? 'unknown'}`);
    // RFC 6750 §3: what a bearer-token client is told about a refused token.
    if (body.code === 'ERR_UNAUTHENTICATED') {
      res.setHeader('WWW-Authenticate', `Bearer realm="corridor-issuer"${req.headers.authorization ? ', error="invalid_token"' : ''}`);
    } else if (body.code === 'ERR_FORBIDDEN') {
      res.setHeader('WWW-Authenticate', 'Bearer realm="corridor-issuer", error="insufficient_scope"');
    }
    res.status(body.status).type('application/problem+json').json(body);
  });
  return app;
}
