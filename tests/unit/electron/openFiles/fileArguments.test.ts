import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesFromArgv, kindOfFile, MAX_FILES_PER_REQUEST } from '../../../../electron/openFiles/fileArguments.js';

describe('files from a command line', () => {
  it('takes a double-clicked bundle from a packaged app’s command line (Windows: "Claimdesk.exe" "C:\\…")', () => {
    const argv = ['C:\\Program Files\\Claimdesk\\Claimdesk.exe', 'C:\\Users\\ana\\Mail\\Debate & co.claimdesk'];
    expect(filesFromArgv(argv, { cwd: 'C:\\Users\\ana', skip: 1, pathModule: path.win32 })).toEqual({
      files: [{ path: 'C:\\Users\\ana\\Mail\\Debate & co.claimdesk', kind: 'project' }],
      ignored: 0,
    });
  });

  it('skips Chromium’s switches a second instance passes on, and the app script of a development build', () => {
    const argv = ['/usr/lib/electron/electron', '--allow-file-access-from-files', '--original-process-start-time=1', '/work/dist/electron/main.cjs', 'notes/debate.vtt', '--', '-x'];
    expect(filesFromArgv(argv, { cwd: '/home/ana', skip: 1, pathModule: path.posix })).toEqual({
      files: [{ path: '/home/ana/notes/debate.vtt', kind: 'document' }],
      ignored: 1, // main.cjs is not a file Claimdesk opens
    });
  });

  it('reads the percent-encoded file URLs a Linux desktop entry passes (%U)', () => {
    const argv = ['/opt/Claimdesk/claimdesk', 'file:///home/ana/Bundles/NATO%20check.claimdesk', 'file:///home/ana/Transcript.TXT'];
    expect(filesFromArgv(argv, { cwd: '/', skip: 1, pathModule: path.posix }).files).toEqual([
      { path: '/home/ana/Bundles/NATO check.claimdesk', kind: 'project' },
      { path: '/home/ana/Transcript.TXT', kind: 'document' },
    ]);
  });

  it('never treats another URL scheme as a file, and ignores types it does not open', () => {
    const argv = ['claimdesk', 'https://evil.example/x.claimdesk', 'javascript:alert(1)//.txt', 'claimdesk://open?x.pdf', 'setup.exe', 'photo.png', 'script.js'];
    expect(filesFromArgv(argv, { cwd: '/home/ana', skip: 1, pathModule: path.posix })).toEqual({ files: [], ignored: 6 });
  });

  it('opens a file named twice once (case-insensitively on Windows) and stops at a limit', () => {
    const twice = filesFromArgv(['x.exe', 'A.claimdesk', 'a.CLAIMDESK'], { cwd: 'C:\\w', skip: 1, pathModule: path.win32 });
    expect(twice.files).toEqual([{ path: 'C:\\w\\A.claimdesk', kind: 'project' }]);
    const many = Array.from({ length: MAX_FILES_PER_REQUEST + 5 }, (_, i) => `t${i}.txt`);
    const limited = filesFromArgv(['claimdesk', ...many], { cwd: '/d', skip: 1, pathModule: path.posix });
    expect(limited.files).toHaveLength(MAX_FILES_PER_REQUEST);
    expect(limited.ignored).toBe(5);
  });

  it('knows which types are projects and which are documents for the Import dialog', () => {
    expect(kindOfFile('/a/b.claimdesk')).toBe('project');
    for (const name of ['a.txt', 'a.md', 'a.docx', 'a.PDF', 'a.html', 'a.htm', 'a.srt', 'a.vtt', 'a.csv', 'a.json']) expect(kindOfFile(name)).toBe('document');
    expect(kindOfFile('a.claimdesk.exe')).toBeUndefined();
    expect(kindOfFile('claimdesk')).toBeUndefined();
  });
});
