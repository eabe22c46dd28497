import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app. In development `vite` serves it on :5173 and forwards the API and the live-room
 * WebSocket to a server started with `npm run dev` (port 8080); in production the server serves `dist/`.
 */
const server = 'http://127.0.0.1:8080';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/ws': { target: server, ws: true, changeOrigin: true },
    },
  },
});
