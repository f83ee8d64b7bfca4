import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../files/writeFileAtomic.js';
import { addRecent, parseRecentList, removeRecent, serialiseRecentList, type RecentEntry } from './recentList.js';

/** The recent list in <userData>/recent.json; every change is written at once, atomically. */
export class RecentStore {
  private list: RecentEntry[] = [];
  readonly file: string;

  constructor(
    userDataPath: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.file = path.join(userDataPath, 'recent.json');
  }

  async load(): Promise<RecentEntry[]> {
    this.list = parseRecentList(await readFile(this.file, 'utf8').catch(() => undefined));
    return this.list;
  }

  get entries(): readonly RecentEntry[] {
    return this.list;
  }

  async add(filePath: string, kind: RecentEntry['kind'], now = new Date()): Promise<RecentEntry[]> {
    return this.save(addRecent(this.list, { path: filePath, kind, openedAt: now.toISOString() }, this.platform));
  }

  async remove(filePath: string): Promise<RecentEntry[]> {
    return this.save(removeRecent(this.list, filePath, this.platform));
  }

  async clear(): Promise<RecentEntry[]> {
    return this.save([]);
  }

  private async save(list: RecentEntry[]): Promise<RecentEntry[]> {
    this.list = list;
    await writeFileAtomic(this.file, serialiseRecentList(list));
    return list;
  }
}
