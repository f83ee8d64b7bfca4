import { useEffect, useRef, useState } from 'react';
import type { MenuCommand } from '../../../shared/contract.js';
import { isCommandEnabled } from '../../../shared/menuState.js';
import { runCommand } from './commands.js';
import { useMenuState } from './useMenuState.js';
import { rememberOpener } from './Modal.js';

interface MenuDef {
  label: string;
  items: { command: MenuCommand; label: string; keys?: string }[];
}

const MENUS: MenuDef[] = [
  { label: 'File', items: [{ command: 'debate:new', label: 'New Debate…', keys: 'Ctrl+N' }, { command: 'file:import', label: 'Import…', keys: 'Ctrl+O' }, { command: 'file:export-project', label: 'Export Project…' }, { command: 'file:import-project', label: 'Import Project…' }, { command: 'file:restore-backup', label: 'Backups and Restore…' }, { command: 'file:share-project', label: 'Share project…' }, { command: 'file:join-project', label: 'Join project…' }] },
  { label: 'Edit', items: [{ command: 'edit:undo', label: 'Undo', keys: 'Ctrl+Z' }, { command: 'edit:redo', label: 'Redo', keys: 'Ctrl+Y' }] },
  { label: 'View', items: [{ command: 'view:search', label: 'Search…', keys: 'Ctrl+K' }, { command: 'view:toggle-side-panel', label: 'Toggle Side Panel', keys: 'Ctrl+\\' }] },
  { label: 'Help', items: [{ command: 'help:shortcuts', label: 'Keyboard Shortcuts', keys: 'F1' }, { command: 'help:about', label: 'About Claimdesk' }] },
];

/**
 * The menu bar inside the window, for the browser preview where there is no native menu. Same commands as the
 * native menu (electron/window/appMenu.ts), ARIA menubar semantics, arrow keys and Escape.
 */
export function MenuBar() {
  const [open, setOpen] = useState<number>();
  // The same rules as the native menu: an item that cannot apply now is shown disabled (and stays reachable).
  const menuState = useMenuState();
  const barRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open === undefined) return;
    const close = (event: MouseEvent) => {
      if (!barRef.current?.contains(event.target as Node)) setOpen(undefined);
    };
    document.addEventListener('mousedown', close);
    barRef.current?.querySelector<HTMLElement>(`[data-menu="${open}"] [role="menuitem"]`)?.focus();
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  function onMenuKey(event: React.KeyboardEvent, index: number) {
    const items = [...(event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const current = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      setOpen(undefined);
      barRef.current?.querySelectorAll<HTMLElement>('[role="menubar"] > div > button')[index]?.focus();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      items[(current + 1) % items.length]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      items[(current - 1 + items.length) % items.length]?.focus();
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      setOpen((index + (event.key === 'ArrowRight' ? 1 : MENUS.length - 1)) % MENUS.length);
    }
  }

  return (
    <div ref={barRef} className="menubar-wrap">
      <div role="menubar" aria-label="Application menu" className="menubar">
        {MENUS.map((menu, index) => (
          <div key={menu.label} className="menubar-item" data-menu={index}>
            <button type="button" role="menuitem" aria-haspopup="menu" aria-expanded={open === index} onClick={() => setOpen(open === index ? undefined : index)}>
              {menu.label}
            </button>
            {open === index && (
              <div role="menu" aria-label={menu.label} className="menu-popup" onKeyDown={(e) => onMenuKey(e, index)}>
                {menu.items.map((item) => {
                  const enabled = isCommandEnabled(item.command, menuState);
                  return (
                  <button
                    key={item.command}
                    type="button"
                    role="menuitem"
                    aria-disabled={enabled ? undefined : true}
                    onClick={() => {
                      if (!enabled) return;
                      // A dialog this command opens gives focus back to the menu's button when it closes.
                      const button = barRef.current?.querySelectorAll<HTMLElement>('[role="menubar"] > div > button')[index];
                      rememberOpener(button);
                      button?.focus();
                      setOpen(undefined);
                      void runCommand(item.command);
                    }}
                  >
                    <span>{item.label}</span>
                    {item.keys && <kbd aria-hidden="true">{item.keys}</kbd>}
                  </button>
                  );
                })}
              </div>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
