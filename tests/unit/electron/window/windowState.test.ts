import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWindowState, saveWindowState } from '../../../../electron/window/windowState.js';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('remembers size and position', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ws-'));
    saveWindowState(dir, { x: 100, y: 80, width: 1400, height: 900, maximized: false });
    expect(loadWindowState(dir, screen)).toEqual({ x: 100, y: 80, width: 1400, height: 900, maximized: false });
  });

  it('drops a position that is on no screen any more, and survives a corrupt file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ws-'));
    saveWindowState(dir, { x: 4000, y: 80, width: 1400, height: 900, maximized: true });
    expect(loadWindowState(dir, screen)).toEqual({ width: 1400, height: 900, maximized: true });
    writeFileSync(path.join(dir, 'window-state.json'), '{broken');
    expect(loadWindowState(dir, screen)).toEqual({ width: 1280, height: 820, maximized: false });
  });

  it('a save that fails (the disk refuses the file) throws nothing and leaves no temp file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ws-'));
    // A folder where the file should go makes the final rename fail after the temp file was written.
    mkdirSync(path.join(dir, 'window-state.json'));
    expect(saveWindowState(dir, { width: 1400, height: 900, maximized: false })).toBe(false);
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });
});
