import { defineConfig } from 'vite';

// The embedded server built to JavaScript (`npm run build:server`, part of `npm start`): plain `node`
// runs dist-server/main.js, with no TypeScript loader compiling modules at start-up or in every data
// worker (docs/decisions/0010). The data worker is a second entry beside `main.js`, where
// data-worker-pool.ts looks for it. Packages are bundled too: loading zod's 95 ES modules one by one
// cost each worker about 300 ms on a busy machine, one bundled file a fraction of it. better-sqlite3
// stays external (a native addon, loaded from node_modules).
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  ssr: { noExternal: true, external: ['better-sqlite3'] },
  build: {
    ssr: true,
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    // Unminified, with a `// src/server/…` comment above each module: stack traces stay readable.
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      input: {
        main: 'src/server/main.ts',
        'data-worker': 'src/server/data-worker.ts',
      },
      output: {
        format: 'esm',
        entryFileNames: '[name].js',
        // Shared code stays beside the entries: data-worker-pool.ts finds the worker relative to itself.
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
});
