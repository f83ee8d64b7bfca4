import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The window: built from renderer/ into dist/renderer, loaded by the desktop app from app://claimdesk and by the
// browser preview from 127.0.0.1. `base: './'` keeps every asset path relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    // CLAIMDESK_DIST lets parallel work build into its own folder; the default is dist/.
    outDir: `../${process.env.CLAIMDESK_DIST ?? 'dist'}/renderer`,
    emptyOutDir: true,
    sourcemap: true,
    // CLAIMDESK_NO_MINIFY=1 keeps function names readable in profiles (see tests/bench/reader.bench.ts).
    minify: process.env.CLAIMDESK_NO_MINIFY ? false : undefined,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
  },
});
