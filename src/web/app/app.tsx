/** Placeholder shell until the workspace lands. */
export function App() {
  return (
    <main className="min-h-screen bg-slate-50 p-8 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <h1 className="text-2xl font-semibold">Widget Studio</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">Dashboard-widget editor for Cekura.</p>
    </main>
  );
}
