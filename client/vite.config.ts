import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const clientDir = fileURLToPath(new URL('.', import.meta.url));

/** Builds the web client into client/dist, which the NestJS app serves. */
export default defineConfig({
  root: clientDir,
  base: '/',
  publicDir: false,
  // Preact's automatic JSX runtime (the same settings as client/tsconfig.json).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The strict CSP (script-src 'self') forbids inline scripts, so nothing is inlined as a data: URL script.
    assetsInlineLimit: 0,
  },
  // `npx vite --config client/vite.config.ts` during development, with the API on `npm start`'s port.
  server: { proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } } },
});
