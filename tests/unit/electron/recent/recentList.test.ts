import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRecent, jumpListCategories, MAX_RECENT, parseRecentList, recentLabels, removeRecent, serialiseRecentList, type RecentEntry } from '../../../../electron/recent/recentList.js';
import { RecentStore } from '../../../../electron/recent/recentStore.js';

const at = (n: number) => new Date(Date.UTC(2026, 10, 28, 10, n)).toISOString();
const entry = (p: string, kind: RecentEntry['kind'] = 'project', n = 0): RecentEntry => ({ path: p, kind, openedAt: at(n) });

describe('the recent list', () => {
  it('puts the newest first, moves a reopened file to the top and keeps ten', () => {
    let list: RecentEntry[] = [];
    for (let i = 0; i < 12; i++) list = addRecent(list, entry(`/d/${i}.claimdesk`, 'project', i), 'linux');
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]!.path).toBe('/d/11.claimdesk');
    list = addRecent(list, entry('/d/5.claimdesk', 'project', 30), 'linux');
    expect(list.map((e) => e.path).slice(0, 2)).toEqual(['/d/5.claimdesk', '/d/11.claimdesk']);
    expect(list.filter((e) => e.path === '/d/5.claimdesk')).toHaveLength(1);
  });

  it('treats paths differing only in case as one file on Windows and macOS, two on Linux', () => {
    const list = [entry('C:\\Bundles\\NATO.claimdesk')];
    expect(addRecent(list, entry('c:\\bundles\\nato.CLAIMDESK'), 'win32')).toHaveLength(1);
    expect(addRecent([entry('/Users/a/X.txt', 'document')], entry('/users/a/x.txt', 'document'), 'darwin')).toHaveLength(1);
    expect(addRecent([entry('/home/a/X.txt', 'document')], entry('/home/a/x.txt', 'document'), 'linux')).toHaveLength(2);
    expect(removeRecent(list, 'c:\\BUNDLES\\nato.claimdesk', 'win32')).toEqual([]);
  });

  it('reads back what it wrote, and reads a damaged file as far as it can', () => {
    const list = [entry('/a/b.claimdesk'), entry('/a/t.vtt', 'document', 1)];
    expect(parseRecentList(serialiseRecentList(list))).toEqual(list);
    expect(parseRecentList('{not json')).toEqual([]);
    expect(parseRecentList(JSON.stringify({ version: 2, entries: [] }))).toEqual([]);
    const mixed = { version: 1, entries: [entry('/ok.claimdesk'), { path: 'relative.txt', kind: 'document', openedAt: at(0) }, { path: '/x.txt', kind: 'script', openedAt: at(0) }, 42] };
    expect(parseRecentList(JSON.stringify(mixed))).toEqual([entry('/ok.claimdesk')]);
  });

  it('labels entries by file name, naming the folder when two share a name, with & kept literal off macOS', () => {
    const list = [entry('/cases/2016/debate.claimdesk'), entry('/cases/2020/debate.claimdesk'), entry('/x/Smith & Jones.txt', 'document')];
    expect(recentLabels(list, 'linux')).toEqual(['debate.claimdesk — 2016', 'debate.claimdesk — 2020', 'Smith && Jones.txt']);
    expect(recentLabels(list, 'darwin')[2]).toBe('Smith & Jones.txt');
  });

  it('gives Windows a jump list of tasks that start Claimdesk with the file, projects and files apart', () => {
    const list = [entry('C:\\B\\nato.claimdesk'), entry('C:\\T\\debate.srt', 'document', 1)];
    expect(jumpListCategories(list, 'C:\\Claimdesk\\Claimdesk.exe')).toEqual([
      { type: 'custom', name: 'Recent projects', items: [{ type: 'task', title: 'nato.claimdesk', description: 'C:\\B\\nato.claimdesk', program: 'C:\\Claimdesk\\Claimdesk.exe', args: '"C:\\B\\nato.claimdesk"', iconPath: 'C:\\Claimdesk\\Claimdesk.exe', iconIndex: 0 }] },
      { type: 'custom', name: 'Recent files', items: [expect.objectContaining({ title: 'debate.srt', args: '"C:\\T\\debate.srt"' })] },
    ]);
    expect(jumpListCategories(list, 'electron.exe', ['C:\\app\\main.cjs'])[0]!.items[0]!.args).toBe('"C:\\app\\main.cjs" "C:\\B\\nato.claimdesk"');
    expect(jumpListCategories([entry('C:\\a"b.claimdesk')], 'x.exe')).toEqual([]);
    expect(jumpListCategories([], 'x.exe')).toEqual([]);
  });

  it('is kept in the user-data folder across starts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-recent-'));
    try {
      const store = new RecentStore(dir, 'linux');
      expect(await store.load()).toEqual([]);
      await store.add('/a/nato.claimdesk', 'project', new Date(at(1)));
      await store.add('/a/debate.txt', 'document', new Date(at(2)));
      const again = new RecentStore(dir, 'linux');
      expect((await again.load()).map((e) => e.path)).toEqual(['/a/debate.txt', '/a/nato.claimdesk']);
      await again.remove('/a/debate.txt');
      expect(JSON.parse(readFileSync(path.join(dir, 'recent.json'), 'utf8')).entries).toHaveLength(1);
      await again.clear();
      expect(await new RecentStore(dir, 'linux').load()).toEqual([]);
      writeFileSync(path.join(dir, 'recent.json'), 'garbage');
      expect(await new RecentStore(dir, 'linux').load()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
