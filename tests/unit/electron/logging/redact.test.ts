import { describe, expect, it } from 'vitest';
import { MAX_LOGGED_STRING, redactText, redactValue } from '../../../../electron/logging/redact.js';

const context = { userDataPath: '/home/ana/.config/Claimdesk', homePath: '/home/ana' };

describe('what reaches the support log', () => {
  it('drops quoted text: file names and claims in user-facing sentences', () => {
    expect(redactText('“Leaked memo – Smith.docx” cannot be imported: “NATO spending fell by 40%” is too long', context)).toBe(
      '“…” cannot be imported: “…” is too long',
    );
    expect(redactText('Create claim "Corbyn refused to guarantee support"')).toBe('Create claim "…"');
  });

  it('keeps only the extension of a path outside the app’s own folder, and shortens the app’s folder', () => {
    expect(redactText('ENOENT: no such file, open \'/home/ana/Cases/Source Smith/interview.pdf\'', context)).toBe("ENOENT: no such file, open '<path>.pdf'");
    expect(redactText('C:\\Users\\ana\\Desktop\\leak.claimdesk could not be read')).toBe('<path>.claimdesk could not be read');
    expect(redactText('wrote /home/ana/.config/Claimdesk/backups/backup-1.claimdesk', context)).toBe('wrote <userData>/backups/backup-1.claimdesk');
    expect(redactText('\\\\server\\share\\dossier\\notes.txt')).toBe('<path>.txt');
  });

  it('keeps code locations in stack traces, which support needs and which hold no user data', () => {
    const line = '    at parse (/opt/Claimdesk/resources/app.asar/dist/electron/main.cjs:120:7)';
    expect(redactText(line, context)).toBe(line);
    expect(redactText('at x (/home/ana/dev/claimdesk/node_modules/zod/index.js:1:2)', context)).toBe('at x (~/dev/claimdesk/node_modules/zod/index.js:1:2)');
  });

  it('drops e-mail addresses and the paths and queries of web addresses', () => {
    expect(redactText('feed https://updates.example.org/claimdesk/latest.yml?token=abc failed for ana@example.org')).toBe(
      'feed https://updates.example.org/… failed for <email>',
    );
  });

  it('shortens long strings', () => {
    const out = redactText('x'.repeat(MAX_LOGGED_STRING + 50));
    expect(out.startsWith('x'.repeat(MAX_LOGGED_STRING))).toBe(true);
    expect(out.endsWith('… (50 more characters)')).toBe(true);
  });

  it('reduces errors to name, code, message and stack, bytes to a count, and walks objects to a depth', () => {
    const error = Object.assign(new Error('“secret.txt” could not be read'), { code: 'EACCES' });
    const value = redactValue(error, context) as string;
    expect(value.startsWith('Error [EACCES]: “…” could not be read\n')).toBe(true);
    expect(value).not.toContain('secret');
    expect(redactValue(new Uint8Array(12))).toBe('<12 bytes>');
    expect(redactValue({ channel: 'documents:parse', request: { fileName: '“x”', bytes: new Uint8Array(3) } })).toEqual({
      channel: 'documents:parse',
      request: { fileName: '“…”', bytes: '<3 bytes>' },
    });
    expect(redactValue({ a: { b: { c: { d: { e: 1 } } } } })).toEqual({ a: { b: { c: { d: '<…>' } } } });
    expect(redactValue(42)).toBe(42);
    expect(redactValue(() => 1)).toBe('<function>');
  });

  it('leaves the app’s own event lines alone', () => {
    for (const line of ['Claimdesk 0.1.0 starting on linux x64 (Electron 45.5.0, Chromium 142.0, Node 22.20.0)', 'Request documents:parse failed: parse-failed', 'Quit backup: written', 'Command line: 1 of 1 file(s) read for the window']) {
      expect(redactText(line, context)).toBe(line);
    }
  });
});
