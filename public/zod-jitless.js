// Loaded by index.html before the app's modules. Zod 4 probes for `new Function` (JIT object parsing)
// when its first object schema is built; under our CSP (`script-src 'self'`, no 'unsafe-eval') the
// probe throws, Zod falls back, but the browser still reports a `securitypolicyviolation`. Zod reads
// its global config from `globalThis.__zod_globalConfig`, so setting `jitless` here, before any chunk
// defines a schema, skips the probe: the page reports no violation and a real one stands out.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
