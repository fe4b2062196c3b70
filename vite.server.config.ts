import { defineConfig } from 'vite';

// The embedded server built to JavaScript (`npm run build:server`, part of `npm start`): plain `node`
// runs dist-server/main.js, with no TypeScript loader compiling modules at start-up
// (docs/decisions/0010). Packages are bundled too: loading zod's 95 ES modules one by one costs
// start-up time, one bundled file a fraction of it. better-sqlite3 and DuckDB stay external (native
// addons, loaded from node_modules).
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  ssr: { noExternal: true, external: ['better-sqlite3', '@duckdb/node-api', '@duckdb/node-bindings'] },
  build: {
    ssr: true,
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    // Unminified, with a `// src/server/…` comment above each module: stack traces stay readable.
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      input: { main: 'src/server/main.ts' },
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
