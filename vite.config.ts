import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// In `npm run dev` Vite serves the SPA with HMR and forwards every API path to the embedded
// server, so the browser still sees one origin (the same as `npm start`).
const apiTarget = `http://127.0.0.1:${process.env.PORT ?? '8787'}`;
// Only API prefixes: `/dashboards/<id>` is also an SPA route, so `/dashboards` alone must not be proxied.
const apiPaths = [
  '/dashboards/dashboards',
  '/dashboards/widgets',
  '/test_framework',
  '/observability',
  '/healthz',
  '/studio',
];

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    host: '127.0.0.1',
    proxy: Object.fromEntries(apiPaths.map((p) => [p, { target: apiTarget, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 700,
  },
});
