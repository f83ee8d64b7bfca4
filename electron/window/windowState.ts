import { readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { WindowBounds } from './mainWindowOptions.js';

export interface WindowState extends WindowBounds {
  maximized: boolean;
}

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };

/**
 * Remembers the window's size and position in the user-data folder. A saved position that no longer lies on any
 * screen (a monitor was unplugged) is dropped, so the window never opens out of sight.
 */
export function loadWindowState(userDataPath: string, screens: Area[]): WindowState {
  try {
    const raw = JSON.parse(readFileSync(path.join(userDataPath, 'window-state.json'), 'utf8')) as Partial<WindowState>;
    const width = clamp(Number(raw.width), 880, 10000, DEFAULT_STATE.width);
    const height = clamp(Number(raw.height), 560, 10000, DEFAULT_STATE.height);
    const state: WindowState = { width, height, maximized: raw.maximized === true };
    if (typeof raw.x === 'number' && typeof raw.y === 'number') {
      const visible = screens.some((s) => raw.x! + 100 > s.x && raw.x! < s.x + s.width - 100 && raw.y! >= s.y && raw.y! < s.y + s.height - 50);
      if (visible) Object.assign(state, { x: raw.x, y: raw.y });
    }
    return state;
  } catch {
    return { ...DEFAULT_STATE };
  }
}

/**
 * Remembers the window's place for the next start. Called while the window closes, so it never throws (a full or
 * read-only disk would otherwise stop the app with a main-process error) and never leaves its temp file behind.
 */
export function saveWindowState(userDataPath: string, state: WindowState): boolean {
  const file = path.join(userDataPath, 'window-state.json');
  const temp = `${file}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, file);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false;
  }
}

function clamp(value: number, min: number, max: number, fallback: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}
