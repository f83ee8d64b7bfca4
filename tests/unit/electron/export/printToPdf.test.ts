import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAllowedPrintRequest, printViaTempFile, printWindowOptions } from '../../../../electron/export/printToPdf.js';

describe('the PDF print window', () => {
  it('is hidden, sandboxed, runs no JavaScript and has its own session', () => {
    const options = printWindowOptions('claimdesk-print-x');
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, partition: 'claimdesk-print-x' });
    expect(options.webPreferences).not.toHaveProperty('preload');
  });

  it('loads only the report file and data: images', () => {
    const report = 'file:///tmp/claimdesk-print-1/report.html';
    expect(isAllowedPrintRequest(report, report)).toBe(true);
    expect(isAllowedPrintRequest('data:image/png;base64,AAAA', report)).toBe(true);
    expect(isAllowedPrintRequest('https://tracker.example/pixel.gif', report)).toBe(false);
    expect(isAllowedPrintRequest('file:///etc/passwd', report)).toBe(false);
  });

  it('hands the engine a temporary file holding the HTML and removes it afterwards, even on failure', async () => {
    let seen = '';
    const bytes = await printViaTempFile('<p>Ünïcode ✓</p>', async (url) => {
      seen = fileURLToPath(url);
      expect(readFileSync(seen, 'utf8')).toBe('<p>Ünïcode ✓</p>');
      return new Uint8Array([37, 80, 68, 70]);
    });
    expect([...bytes]).toEqual([37, 80, 68, 70]);
    expect(existsSync(seen)).toBe(false);
    await expect(printViaTempFile('<p>x</p>', async (url) => ((seen = fileURLToPath(url)), Promise.reject(new Error('engine failed'))))).rejects.toThrow('engine failed');
    expect(existsSync(seen)).toBe(false);
  });
});
