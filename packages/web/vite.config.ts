import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app: one HTML entry per page (every packages/web/*.html), each loading only what it needs.
 * In development `vite` serves it on :5173 and forwards the API and the live-room WebSocket to a
 * server started with `npm run dev` (port 8080); in production the server serves `dist/`.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const server = 'http://127.0.0.1:8080';
const pages = Object.fromEntries(
  readdirSync(root)
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f.slice(0, -5), fileURLToPath(new URL(f, import.meta.url))]),
);

export default defineConfig({
  root,
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', rollupOptions: { input: pages } },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/ws': { target: server, ws: true, changeOrigin: true },
    },
  },
});
