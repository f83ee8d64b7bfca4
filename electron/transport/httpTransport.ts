import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { methodForChannel, events, type EventName, type EventPayload } from '../../shared/contract.js';
import { decodeWire, encodeWire } from '../../shared/wire.js';
import type { HandlerContext, Handlers } from '../handlers/createHandlers.js';
import { dispatch } from './dispatch.js';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy.js';

/**
 * The second transport for the one contract: the same handlers over HTTP on 127.0.0.1, for the browser preview and
 * the end-to-end tests. Other pages on this machine must not be able to call it, so every API request needs the
 * per-run token, and the Host header must name our own address (which defeats DNS rebinding).
 */
export interface HttpTransportOptions {
  handlers: Handlers;
  /** Random per run; the served index.html carries it to the window. */
  token: string;
  /** The built renderer (dist/renderer); omit to serve only the API. */
  staticDir?: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  log?: (message: string, error?: unknown) => void;
  /** The CSP for each page load (it names the team sync server the user chose); the fixed policy by default. */
  contentSecurityPolicy?: () => string;
}

const TOKEN_HEADER = 'x-claimdesk-token';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function createHttpTransport(options: HttpTransportOptions) {
  const maxBody = options.maxBodyBytes ?? 160 * 1024 * 1024;
  const log = options.log ?? console.error;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const context: HandlerContext = {
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      const data = `event: ${events[event].channel}\ndata: ${encodeWire(payload)}\n\n`;
      for (const stream of streams) stream.write(data);
    },
  };

  function hostAllowed(req: IncomingMessage): boolean {
    const host = req.headers.host;
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  }

  function tokenOk(req: IncomingMessage, url: URL): boolean {
    const given = req.headers[TOKEN_HEADER] ?? url.searchParams.get('token');
    return typeof given === 'string' && given.length === options.token.length && given === options.token;
  }

  async function readBody(req: IncomingMessage): Promise<string | undefined> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBody) return undefined;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  function sendJson(res: ServerResponse, status: number, body: string) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(body);
  }

  /** A request line we cannot read (bad percent-encoding, no path): 400, one sentence, nothing logged with a stack. */
  function badRequest(res: ServerResponse) {
    sendJson(res, 400, encodeWire({ ok: false, error: { code: 'invalid-request', message: 'The request address is malformed.' } }));
  }

  async function serveStatic(res: ServerResponse, urlPath: string) {
    if (!options.staticDir) return sendJson(res, 404, encodeWire({ ok: false, error: { code: 'not-found', message: 'Not found.' } }));
    const root = path.resolve(options.staticDir);
    const relative = safeDecode(urlPath === '/' ? '/index.html' : urlPath);
    if (relative === undefined || relative.includes('\0')) return badRequest(res);
    const file = path.resolve(root, `.${relative}`);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      let body: Buffer | string = await readFile(file);
      const ext = path.extname(file);
      if (ext === '.html') {
        // The token travels in a meta tag: a page on another origin cannot read this response.
        body = body.toString('utf8').replace('<head>', `<head><meta name="claimdesk-api-token" content="${options.token}">`);
      }
      res.writeHead(200, {
        'content-type': MIME[ext] ?? 'application/octet-stream',
        'content-security-policy': options.contentSecurityPolicy?.() ?? CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!hostAllowed(req)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
      return;
    }
    const url = parseRequestUrl(req.url, port);
    if (!url) return badRequest(res);
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
      return serveStatic(res, url.pathname);
    }
    if (!tokenOk(req, url)) return sendJson(res, 403, encodeWire({ ok: false, error: { code: 'invalid-request', message: 'Missing or wrong API token.' } }));

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    const channel = safeDecode(url.pathname.slice('/api/'.length));
    if (channel === undefined) return badRequest(res);
    const method = methodForChannel(channel);
    if (!method) return sendJson(res, 404, encodeWire({ ok: false, error: { code: 'not-found', message: 'No such channel.' } }));
    if (req.method !== 'POST') return sendJson(res, 405, encodeWire({ ok: false, error: { code: 'invalid-request', message: 'Use POST.' } }));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, encodeWire({ ok: false, error: { code: 'invalid-request', message: 'Requests must be JSON.' } }));
    }
    const text = await readBody(req);
    if (text === undefined) {
      return sendJson(res, 413, encodeWire({ ok: false, error: { code: 'too-large', message: `The request is larger than the ${Math.round(maxBody / 1024 / 1024)} MB limit.` } }));
    }
    let payload: unknown;
    try {
      payload = decodeWire(text);
    } catch {
      return sendJson(res, 400, encodeWire({ ok: false, error: { code: 'invalid-request', message: 'The request is not valid JSON.' } }));
    }
    const result = await dispatch(options.handlers, method, payload, context, log);
    sendJson(res, 200, encodeWire(result));
  }

  return {
    context,
    /** Tell the transport which port it listens on, for the Host check. */
    setPort(value: number) {
      port = value;
    },
    listener(req: IncomingMessage, res: ServerResponse) {
      handle(req, res).catch((error: unknown) => {
        log('HTTP transport failed', error);
        if (!res.headersSent) sendJson(res, 500, encodeWire({ ok: false, error: { code: 'internal', message: 'Internal error.' } }));
        else res.end();
      });
    },
    close() {
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}

/** decodeURIComponent that answers undefined instead of throwing on a broken escape such as `%E0%A4%A`. */
function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The request target as a URL on our own origin; undefined when it is not an origin-form path we can read. */
function parseRequestUrl(target: string | undefined, port: number): URL | undefined {
  // Only origin-form targets ("/path?query") are ours; "//host", absolute-form and "*" are not.
  if (!target || !target.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return new URL(target, `http://127.0.0.1:${port}`);
  } catch {
    return undefined;
  }
}
