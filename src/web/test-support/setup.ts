import '@testing-library/jest-dom/vitest';

// findBy* and waitFor give up after 1 s by default. A component test that saves, navigates and
// re-renders the editor has been seen to need longer on a loaded 2-core CI machine (the whole suite
// runs in parallel there); waiting longer changes no assertion, only how long a failure takes.
// Only component tests (jsdom) find things: the server's test files do not load React for it.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5_000 });
}
