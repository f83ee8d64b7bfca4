import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openVaultFileInOs, showVaultFileInFolder } from '../../../../electron/sources/openInOs.js';
import { createHandlers } from '../../../../electron/handlers/createHandlers.js';
import { dispatch } from '../../../../electron/transport/dispatch.js';
import { FileVault } from '../../../../electron/vault/fileVault.js';
import { checkOpenable, isOpenableName } from '../../../../shared/openableFiles.js';

const RLO = '\u202E';
const PDF = strToU8('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const DOCX = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
const XLSX = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
const XLSX_MACROS = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/vbaProject.bin': new Uint8Array([1]) });
// A Linux launcher as a colleague's bundle could carry it (tests/fixtures/hostile): xdg-open would run its Exec line.
const DESKTOP = new Uint8Array(readFileSync(new URL('../../../fixtures/hostile/launcher.desktop', import.meta.url)));
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
const LNK = new Uint8Array([0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0]);

async function setup(bytes: Uint8Array) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'open-'));
  const vault = new FileVault(path.join(dir, 'vault'));
  const { hash } = await vault.put(bytes);
  const opened: string[] = [];
  return { dir, vault, hash, opened, open: async (p: string) => void opened.push(p) };
}

describe('which files may be opened in the OS application', () => {
  it('opens the document types Claimdesk knows, checked by content', () => {
    expect(checkOpenable('report.pdf', PDF)).toEqual({ ok: true, openAs: 'report.pdf', type: 'PDF' });
    expect(checkOpenable('figures.csv', strToU8('a,b\n1,2\n'))).toMatchObject({ ok: true, openAs: 'figures.csv' });
    expect(checkOpenable('figures.xlsx', XLSX)).toMatchObject({ ok: true, openAs: 'figures.xlsx' });
    expect(checkOpenable('speech.docx', DOCX)).toMatchObject({ ok: true, openAs: 'speech.docx' });
    expect(checkOpenable('notes.txt', strToU8('plain text'))).toMatchObject({ ok: true });
    // HTML opens as text, so no browser runs its scripts with access to the disk.
    expect(checkOpenable('page.html', strToU8('<script>alert(1)</script>'))).toEqual({ ok: true, openAs: 'page.html.txt', type: 'HTML' });
  });

  it('refuses a right-to-left override that makes a .desktop launcher look like a PDF', () => {
    const name = `NATO-figures-2024${RLO}fdp.desktop`;
    expect(isOpenableName(name)).toBe(false);
    const check = checkOpenable(name, DESKTOP);
    expect(check).toEqual({
      ok: false,
      reason: '“NATO-figures-2024fdp.desktop” is a .desktop file, and only PDF, CSV, XLSX, DOCX, text and HTML files are opened in another application. Use “Show in folder” to see it.',
    });
  });

  it.each(['run.bat', 'app.hta', 'shortcut.lnk', 'setup.exe', 'x.cmd', 'x.ps1', 'x.vbs', 'x.js', 'x.jar', 'x.scr', 'x.msi', 'x.sh', 'x.command', 'x.app', 'x.xlsm', 'x.docm', 'README', 'report.pdf.exe'])(
    'refuses %s by name',
    (name) => {
      expect(isOpenableName(name)).toBe(false);
      expect(checkOpenable(name, PDF).ok).toBe(false);
    },
  );

  it.each([
    ['report.pdf', EXE, 'a PDF'],
    ['report.pdf', strToU8('#!/bin/sh\nrm -rf ~\n'), 'a PDF'],
    ['figures.csv', ELF, 'a CSV'],
    ['notes.txt', DESKTOP, 'a text'],
    ['notes.txt', LNK, 'a text'],
    ['speech.docx', zipSync({ 'evil.exe': EXE }), 'a DOCX'],
    ['figures.xlsx', XLSX_MACROS, 'an XLSX'],
    ['figures.xlsx', DOCX, 'an XLSX'],
  ] as const)('refuses %s whose contents are not what its name says', (name, bytes, what) => {
    expect(checkOpenable(name, bytes)).toEqual({ ok: false, reason: `“${name}” is named as ${what} file, but its contents are not one, so it was not opened. Use “Show in folder” to see it.` });
  });
});

describe('opening a vault file in the OS application', () => {
  it('writes the file under user data with its own name and hands that path to the opener', async () => {
    const { dir, vault, hash, opened, open } = await setup(strToU8('a,b\n1,2\n'));
    const target = await openVaultFileInOs(vault, dir, hash, '../../evil/nato.csv', open);
    expect(opened).toEqual([target]);
    expect(target).toBe(path.join(dir, 'opened-files', hash, 'nato.csv'));
    expect(readFileSync(target, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('never hands a launcher to the OS: nothing is written, nothing opened, the user is told why', async () => {
    const { dir, vault, hash, opened, open } = await setup(DESKTOP);
    await expect(openVaultFileInOs(vault, dir, hash, `NATO-figures-2024${RLO}fdp.desktop`, open)).rejects.toThrow(/is a \.desktop file/);
    expect(opened).toEqual([]);
    // Through the contract, the name is cleaned before the handler sees it, and the refusal is a typed answer.
    const handlers = createHandlers({
      shell: 'preview', version: 't', userDataPath: dir, vault, openExternal: async () => undefined, cancelParse: () => false, sampleDir: dir, openPath: open,
      parseDocument: async () => { throw new Error('unused'); },
    });
    const result = await dispatch(handlers, 'filesOpenInOs', { hash, fileName: `NATO-figures-2024${RLO}fdp.desktop` }, { emit: () => undefined });
    expect(result).toEqual({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(/^“NATO-figures-2024fdp\.desktop” is a \.desktop file/) } });
    expect(opened).toEqual([]);
  });

  it('opens HTML as text', async () => {
    const { dir, vault, hash, opened, open } = await setup(strToU8('<p>report</p>'));
    await openVaultFileInOs(vault, dir, hash, 'report.html', open);
    expect(path.basename(opened[0]!)).toBe('report.html.txt');
  });

  it('says so when the file is not in the vault, and opens nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'open-'));
    const opened: string[] = [];
    await expect(openVaultFileInOs(new FileVault(path.join(dir, 'vault')), dir, 'c'.repeat(64), 'a.pdf', async (p) => void opened.push(p))).rejects.toThrow(/not in the vault/);
    expect(opened).toEqual([]);
  });
});

describe('showing a vault file in its folder', () => {
  it('shows any file, under its cleaned name with the real extension, never executable', async () => {
    const { dir, vault, hash } = await setup(DESKTOP);
    const shown: string[] = [];
    const target = await showVaultFileInFolder(vault, dir, hash, `NATO-figures-2024${RLO}fdp.desktop`, async (p) => void shown.push(p));
    expect(shown).toEqual([target]);
    expect(path.basename(target)).toBe('NATO-figures-2024fdp.desktop');
    expect(statSync(target).mode & 0o111).toBe(0);
  });
});
