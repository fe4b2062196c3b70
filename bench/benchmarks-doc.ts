import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type } from 'node:os';

export const BENCHMARKS_DOC = 'docs/benchmarks.md';

/** One line about the machine the figures were measured on (they mean little without it). */
export function describeMachine(): string {
  const cpuList = cpus();
  const model = cpuList[0]?.model.trim() ?? 'unknown CPU';
  const memory = Math.round(totalmem() / 2 ** 30);
  return `${type()} · ${cpuList.length} × ${model} · ${memory} GiB RAM · Node ${process.versions.node}`;
}

/** The 1-minute load average when the run started: other work on a 2-core machine skews every figure. */
export function describeLoad(): string {
  return `load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min) at the start`;
}

/**
 * Replaces the section between `<!-- name:start -->` and `<!-- name:end -->` in docs/benchmarks.md
 * (appending it when absent), so each benchmark owns its section and the others stay untouched.
 */
export function writeDocSection(name: string, markdown: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(BENCHMARKS_DOC) ? readFileSync(BENCHMARKS_DOC, 'utf8') : '# Benchmarks\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + block + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(BENCHMARKS_DOC, next);
  // The repository's format check covers docs: leave the file as prettier writes it.
  spawnSync('npx', ['prettier', '--write', BENCHMARKS_DOC], { stdio: 'ignore' });
}

/** A markdown table from a header row and body rows. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function verdict(ok: boolean): string {
  return ok ? '✅ met' : '❌ not met';
}
