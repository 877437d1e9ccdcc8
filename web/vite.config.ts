/**
 * Vite configuration for the web front-end. The root is this folder (web/), so both
 * `npx vite build web` and `npx vite build --config web/vite.config.ts` (from the repo root) work.
 * The build goes to web/dist, which the server serves; in development `/api` and friends are
 * proxied to the server on http://localhost:3000 (override with THUCTHI_API_URL).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const apiTarget = process.env.THUCTHI_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // The web app imports pure modules from the server's src/domain.
    fs: { allow: [repoRoot] },
    proxy: Object.fromEntries(
      ['/api', '/docs', '/healthz', '/readyz', '/cong-khai'].map((p) => [
        p,
        { target: apiTarget, changeOrigin: false },
      ]),
    ),
  },
  preview: {
    proxy: Object.fromEntries(
      ['/api', '/docs', '/healthz', '/readyz', '/cong-khai'].map((p) => [p, { target: apiTarget }]),
    ),
  },
});
