import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// findBy* and waitFor give up after 1 s by default. A component test that saves, navigates and
// re-renders the editor has been seen to need longer on a loaded 2-core CI machine (the whole suite
// runs in parallel there); waiting longer changes no assertion, only how long a failure takes.
configure({ asyncUtilTimeout: 5_000 });
