import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** The web application is built into dist/web, which the API server serves (src/http/routes/web-routes.ts). */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The handbook viewer (bpmn-js) is large; it is loaded only when a handbook is opened.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npx vite --config web/vite.config.ts` next to a running API server on port 3000.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
