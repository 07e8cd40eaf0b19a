import { spawnSync } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppFailure } from '../../shared/result';
import { benchmarks as coreBenchmarks, ensureWorkDir, type Benchmark } from '../../main/core/bench/benchmarks';
import { uiBenchmarks } from '../bench/ui-benchmarks';

const benchmarks: Benchmark[] = [...coreBenchmarks, ...uiBenchmarks];
import { MlHost } from '../../main/core/ml/ml-host';
import { defineCommand } from '../cli-kit';

const bin = resolve(fileURLToPath(import.meta.url), '../../../../bin/selfie-lab.js');

export const benchCommand = defineCommand({
  name: 'bench',
  summary: 'Measure the speed and memory figures the issues name, and print them with their targets.',
  usage: 'selfie-lab bench [--only NAME[,NAME]] [--rows N] [--repeat N] [--workdir DIR] [--json]',
  details:
    `Benchmarks: ${benchmarks.map((b) => b.name).join(', ')}.\n` +
    'Each run is a fresh child process (so its peak RSS is its own); the median of --repeat runs is reported.\n' +
    'Inputs are generated (a synthetic manifest of --rows posts) in --workdir and reused across runs.',
  options: {
    only: { type: 'string', value: 'NAMES', description: 'Comma-separated benchmark names.' },
    rows: { type: 'string', value: 'N', description: 'Posts in the generated manifest.', default: '500000' },
    repeat: { type: 'string', value: 'N', description: 'Runs per benchmark (median reported).', default: '3' },
    workdir: { type: 'string', value: 'DIR', description: 'Where inputs are generated.' },
    child: { type: 'string', value: 'NAME', description: '(internal) run one measurement and print it as JSON.' },
    prepare: { type: 'boolean', description: '(internal) with --child: make the inputs only.' },
  },
  run: async ({ values }, io) => {
    const rows = Number(values.rows ?? '500000');
    const repeat = Number(values.repeat ?? '3');
    if (!Number.isInteger(rows) || rows < 1) throw new AppFailure('INVALID_INPUT', `--rows must be a positive whole number, not "${values.rows}".`);
    if (!Number.isInteger(repeat) || repeat < 1) throw new AppFailure('INVALID_INPUT', `--repeat must be a positive whole number, not "${values.repeat}".`);
    const workDir = resolve(values.workdir ?? join(tmpdir(), 'selfie-lab-bench'));
    await ensureWorkDir(workDir);
    const context = { workDir, rows, configDir: join(workDir, 'config') };

    if (values.child) {
      const benchmark = find(values.child);
      if (values.prepare) {
        await benchmark.prepare?.(context);
        io.out(JSON.stringify({ value: 0, peakRssMb: 0 }));
        return;
      }
      const measured = await benchmark.measure(context);
      const measurement = typeof measured === 'number' ? { value: measured } : measured;
      io.out(JSON.stringify({ ...measurement, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
      return;
    }

    const selected = values.only ? values.only.split(',').map((name) => find(name.trim())) : benchmarks;
    const host = new MlHost();
    const backend = await host.backend().catch(() => null);
    await host.dispose();
    const machine = { cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), backend: backend ? `${backend.backend} (${backend.device})` : 'unavailable' };
    if (!values.json) io.out(`Selfie Lab benchmarks · ${machine.cores} cores · ${machine.memoryGb} GiB · ML backend ${machine.backend} · ${rows.toLocaleString('en-US')} posts · median of ${repeat}\n`);

    const figures = [];
    for (const benchmark of selected) {
      if (benchmark.prepare) runChild(benchmark, workDir, rows, true);
      const runs: ChildFigure[] = [];
      for (let run = 0; run < repeat; run++) runs.push(runChild(benchmark, workDir, rows, false));
      const value = median(runs.map((r) => r.value));
      const peakRssMb = Math.max(...runs.map((r) => r.peakRssMb));
      // The median run's own target and details (a machine-dependent target, e.g. from a latency it measured).
      const middle = runs.find((r) => r.value === value) ?? runs[0]!;
      const targetValue = middle.target ?? benchmark.target;
      const meetsTarget = targetValue === undefined ? null : benchmark.higherIsBetter ? value >= targetValue : value <= targetValue;
      const figure = {
        name: benchmark.name,
        value: round(value),
        unit: benchmark.unit,
        target: targetValue === undefined ? null : round(targetValue),
        meetsTarget,
        ...(middle.details ? { details: middle.details } : {}),
        peakRssMb: Math.round(peakRssMb),
        rssTargetMb: benchmark.rssTargetMb ?? null,
        runs: runs.map((r) => round(r.value)),
        rows,
        ...machine,
      };
      figures.push(figure);
      if (values.json) io.out(JSON.stringify(figure));
      else {
        const target = figure.target === null ? '' : ` (target ${benchmark.higherIsBetter ? '≥' : '≤'} ${figure.target} ${benchmark.unit}: ${meetsTarget ? 'met' : 'MISSED'})`;
        const rss = benchmark.rssTargetMb ? ` · peak RSS ${figure.peakRssMb} MB (target ≤ ${benchmark.rssTargetMb} MB)` : ` · peak RSS ${figure.peakRssMb} MB`;
        const details = middle.details ? `\n${' '.repeat(19)}${Object.entries(middle.details).map(([key, detail]) => `${key} ${detail}`).join(' · ')}` : '';
        io.out(`${benchmark.name.padEnd(18)} ${String(figure.value).padStart(9)} ${benchmark.unit}${target}${rss}\n${' '.repeat(19)}${benchmark.description}; runs: ${figure.runs.join(', ')}${details}`);
      }
    }
  },
});

function find(name: string): Benchmark {
  const benchmark = benchmarks.find((b) => b.name === name);
  if (!benchmark) throw new AppFailure('INVALID_INPUT', `no benchmark "${name}"; there are: ${benchmarks.map((b) => b.name).join(', ')}.`);
  return benchmark;
}

interface ChildFigure {
  value: number;
  peakRssMb: number;
  target?: number;
  details?: Record<string, number | string>;
}

function runChild(benchmark: Benchmark, workDir: string, rows: number, prepare: boolean): ChildFigure {
  const args = [bin, 'bench', '--child', benchmark.name, '--rows', String(rows), '--workdir', workDir, ...(prepare ? ['--prepare'] : [])];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as ChildFigure;
  } catch {
    throw new AppFailure('INTERNAL', `benchmark ${benchmark.name} failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
