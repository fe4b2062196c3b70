import * as z from 'zod';

// Imported first by main.tsx. Zod 4 probes for `new Function` (JIT-compiled object parsing) on its
// first parse; under our CSP (`script-src 'self'`, no 'unsafe-eval') the probe throws, Zod falls back,
// but the browser still reports a `securitypolicyviolation` for it. `jitless` skips the probe: the
// page then reports no violation at all, so a real one (an injected script) stands out.
z.config({ jitless: true });
