import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../../../shared/wire.js';
import { createHandlers } from '../../../../electron/handlers/createHandlers.js';
import { HandlerError } from '../../../../electron/handlers/handlerError.js';
import { FileVault } from '../../../../electron/vault/fileVault.js';
import { readTable } from '../../../../electron/sources/readTable.js';
import { createHttpTransport } from '../../../../electron/transport/httpTransport.js';

const TOKEN = 'test-token-0123456789abcdef';
let server: Server;
let port = 0;
const opened: string[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'http-'));
  const staticDir = path.join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<html><head></head><body>app</body></html>');
  writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  const handlers = createHandlers({
    shell: 'preview',
    version: '0.0.0-test',
    userDataPath: dir,
    vault: new FileVault(path.join(dir, 'vault')),
    openExternal: async (url) => void opened.push(url),
    parseDocument: async () => {
      throw new HandlerError('parse-failed', 'That file is empty.');
    },
    cancelParse: () => false,
    // The desktop app and the preview read tables in the import worker; here the reader runs in-process.
    readTable: (bytes, fileName) => readTable(bytes, fileName),
    sampleDir: path.resolve('electron/sample'),
  });
  const transport = createHttpTransport({ handlers, token: TOKEN, staticDir, log: () => undefined });
  server = createServer(transport.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  transport.setPort(port);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function call(pathname: string, options: { body?: string; token?: string | null; host?: string; method?: string; contentType?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const headers: Record<string, string> = { host: options.host ?? `127.0.0.1:${port}`, 'content-type': options.contentType ?? 'application/json' };
    if (options.token !== null) headers['x-claimdesk-token'] = options.token ?? TOKEN;
    const req = httpRequest({ host: '127.0.0.1', port, path: pathname, method: options.method ?? 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('the HTTP transport', () => {
  it('serves the handlers: app:info answers', async () => {
    const res = await call('/api/app:info', { body: '{}' });
    expect(res.status).toBe(200);
    expect(decodeWire(res.body)).toMatchObject({ ok: true, value: { name: 'Claimdesk', shell: 'preview', version: '0.0.0-test' } });
  });

  it('round-trips bytes through the vault', async () => {
    const bytes = new Uint8Array([0, 255, 10, 13, 128]);
    const put = decodeWire((await call('/api/vault:put', { body: encodeWire({ bytes }) })).body) as { ok: true; value: { hash: string } };
    expect(put.ok).toBe(true);
    const got = decodeWire((await call('/api/vault:get', { body: encodeWire({ hash: put.value.hash }) })).body) as { ok: true; value: { bytes: Uint8Array } };
    expect([...got.value.bytes]).toEqual([...bytes]);
  });

  it('hands out the sample project files', async () => {
    const res = decodeWire((await call('/api/sample:files', { body: '{}' })).body) as { ok: true; value: { files: { name: string; bytes: Uint8Array }[] } };
    expect(res.value.files.map((f) => f.name)).toEqual(['corbyn-nato-article.txt', 'nato-defence-expenditure-pct-gdp-2014-2024.csv']);
    expect(new TextDecoder().decode(res.value.files[0]!.bytes)).toContain('only five out of 28 members met this target last year');
  });

  it('writes, lists and reads back a backup; refuses a backup id that names a path', async () => {
    const { writeBundle } = await import('../../../../shared/bundle/bundle.js');
    const { sampleFiles, sampleSnapshot } = await import('../../../fixtures/exports/sampleSnapshot.js');
    const bytes = writeBundle(sampleSnapshot(), sampleFiles());
    const written = decodeWire((await call('/api/backups:write', { body: encodeWire({ bytes, reason: 'manual' }) })).body) as { ok: true; value: { id: string; verified: boolean } };
    expect(written.value.verified).toBe(true);
    const listed = decodeWire((await call('/api/backups:list', { body: encodeWire({}) })).body) as { value: { entries: { id: string }[] } };
    expect(listed.value.entries[0]?.id).toBe(written.value.id);
    const read = decodeWire((await call('/api/backups:read', { body: encodeWire({ id: written.value.id }) })).body) as { value: { bytes: Uint8Array } };
    expect(read.value.bytes.byteLength).toBe(bytes.byteLength);
    const bad = decodeWire((await call('/api/backups:read', { body: encodeWire({ id: '../vault/x' }) })).body) as { ok: boolean; error: { code: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const notBundle = decodeWire((await call('/api/backups:write', { body: encodeWire({ bytes: new Uint8Array([1]), reason: 'manual' }) })).body) as { ok: boolean; error: { message: string } };
    expect(notBundle.ok).toBe(false);
    expect(notBundle.error.message).toMatch(/not written/);
  });

  it('refuses requests without the token or with a wrong one', async () => {
    expect((await call('/api/app:info', { body: '{}', token: null })).status).toBe(403);
    expect((await call('/api/app:info', { body: '{}', token: 'x'.repeat(TOKEN.length) })).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await call('/api/app:info', { body: '{}', host: `attacker.example:${port}` })).status).toBe(421);
    expect((await call('/', { method: 'GET', host: 'attacker.example' })).status).toBe(421);
  });

  it('answers malformed requests with a typed error, never a stack trace', async () => {
    const bad = decodeWire((await call('/api/vault:get', { body: '{"hash":"../../etc/passwd"}' })).body) as { ok: false; error: { code: string; message: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(bad.error.message).not.toMatch(/at .*\.ts:\d+/);
    const notJson = await call('/api/app:info', { body: '{nope' });
    expect(notJson.status).toBe(400);
    expect((await call('/api/nope:nope', { body: '{}' })).status).toBe(404);
    expect((await call('/api/app:info', { body: '{}', contentType: 'text/plain' })).status).toBe(415);
  });

  it('passes handler errors through as their code and sentence', async () => {
    const res = decodeWire((await call('/api/documents:parse', { body: encodeWire({ fileName: 'a.txt', bytes: new Uint8Array() }) })).body);
    expect(res).toEqual({ ok: false, error: { code: 'parse-failed', message: 'That file is empty.' } });
  });

  it('has no save dialog or print engine in the preview: files:save and reports:print-pdf answer unsupported', async () => {
    const save = decodeWire((await call('/api/files:save', { body: encodeWire({ suggestedName: 'report.html', bytes: new Uint8Array([60]) }) })).body);
    expect(save).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const pdf = decodeWire((await call('/api/reports:print-pdf', { body: encodeWire({ html: '<p>x</p>' }) })).body);
    expect(pdf).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('reads a CSV from the vault as a table, imports citations with broken entries listed, and opens no file where there is no opener', async () => {
    const csv = new TextEncoder().encode('Country,2015\nUnited Kingdom,2.03\n');
    const put = decodeWire((await call('/api/vault:put', { body: encodeWire({ bytes: csv }) })).body) as { ok: true; value: { hash: string } };
    const table = decodeWire((await call('/api/sources:read-table', { body: encodeWire({ hash: put.value.hash, fileName: 'nato.csv' }) })).body) as { ok: true; value: { sheets: { name: string; columns: string[]; rows: string[][] }[] } };
    expect(table.value.sheets[0]).toEqual({ name: 'nato', columns: ['Country', '2015'], rows: [['United Kingdom', '2.03']] });
    const missing = decodeWire((await call('/api/sources:read-table', { body: encodeWire({ hash: 'b'.repeat(64), fileName: 'gone.csv' }) })).body);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const bib = new TextEncoder().encode('@report{nato, title={NATO report}, year={2016}}\n@book{broken, title={x}\n');
    const imported = decodeWire((await call('/api/sources:import-citations', { body: encodeWire({ fileName: 'lib.bib', bytes: bib, existing: [] }) })).body) as { ok: true; value: { sources: unknown[]; errors: { entry: string }[] } };
    expect(imported.value.sources).toHaveLength(1);
    expect(imported.value.errors.map((e) => e.entry)).toEqual(['broken']);
    const open = decodeWire((await call('/api/files:open-in-os', { body: encodeWire({ hash: put.value.hash, fileName: 'nato.csv' }) })).body);
    expect(open).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('opens only http(s) links', async () => {
    const js = decodeWire((await call('/api/links:open-external', { body: JSON.stringify({ url: 'javascript:alert(1)' }) })).body);
    expect(js).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const file = decodeWire((await call('/api/links:open-external', { body: JSON.stringify({ url: 'file:///etc/passwd' }) })).body);
    expect(file).toMatchObject({ ok: false });
    const web = decodeWire((await call('/api/links:open-external', { body: JSON.stringify({ url: 'https://www.nato.int/cps/en/natohq/topics_49198.htm' }) })).body);
    expect(web).toEqual({ ok: true, value: { opened: true } });
    expect(opened).toEqual(['https://www.nato.int/cps/en/natohq/topics_49198.htm']);
  });

  it('serves the window with the token and a CSP, and nothing outside its folder', async () => {
    const page = await call('/', { method: 'GET' });
    expect(page.body).toContain(`<meta name="claimdesk-api-token" content="${TOKEN}">`);
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
    expect((await call('/../secret.txt', { method: 'GET' })).body).not.toContain('do not serve');
    expect((await call('/%2e%2e/secret.txt', { method: 'GET' })).body).not.toContain('do not serve');
  });
});
