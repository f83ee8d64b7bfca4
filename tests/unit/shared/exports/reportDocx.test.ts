import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildReport, REPORT_SECTIONS } from '../../../../shared/exports/reportModel.js';
import { reportDocx } from '../../../../shared/exports/reportDocx.js';
import { sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

function which(cmd: string): string | undefined {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function sampleDocx(mutate?: (s: ReturnType<typeof sampleSnapshot>) => void): Promise<Uint8Array> {
  const snapshot = sampleSnapshot();
  mutate?.(snapshot);
  const report = buildReport(snapshot, {
    title: 'NATO claims in the 2016 Labour leadership race',
    filter: {},
    sections: [...REPORT_SECTIONS],
    citationStyle: 'chicago',
    organisation: { name: 'Fact Desk', url: 'https://factdesk.example' },
    generatedAt: '2016-09-01T12:00:00.000Z',
  });
  return reportDocx(report);
}

describe('reportDocx', () => {
  it('writes a DOCX whose quotes, verdicts and evidence footnotes mammoth reads back', async () => {
    const bytes = await sampleDocx();
    expect(bytes[0]).toBe(0x50); // "PK": a zip
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).toContain('We would have to come to the aid of a fellow member of NATO.');
    expect(text).toContain('only five out of 28 members met this target last year');
    expect(text).toContain('Mostly true');
    expect(text).toContain('Verdicts by speaker');
    // Footnotes carry the formatted reference with locator and edition.
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(html).toMatch(/footnote/);
    expect(html).toContain('Table 3');
    expect(html).toContain('edition July 2016');
  });

  it('keeps hostile text as text and drops XML-invalid control characters', async () => {
    const bytes = await sampleDocx((s) => {
      (s.claims[0] as { text: string }).text = '<script>alert(1)</script>\u0001 "><img src=x onerror=alert(1)>';
    });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).toContain('<script>alert(1)</script> "><img src=x onerror=alert(1)>');
  });

  const soffice = which('libreoffice') ?? which('soffice');
  it.skipIf(!soffice)('opens in LibreOffice headless and converts to a PDF that holds the quotes (skipped when LibreOffice is not installed)', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-docx-'));
    const file = join(dir, 'report.docx');
    writeFileSync(file, await sampleDocx());
    execFileSync(soffice as string, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore' });
    const pdf = join(dir, 'report.pdf');
    expect(existsSync(pdf)).toBe(true);
    if (which('pdftotext')) {
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('only five out of 28 members met this target last year');
      expect(text).toContain('Mostly true');
    }
  });
});
