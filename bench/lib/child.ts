/**
 * Runs bench tasks in child processes, one measurement per process, so that heaps, JIT state and RSS of
 * one set-up never mix with another's. A child prints its result as one `@@result {json}` line on stdout;
 * everything on its stderr is progress, passed through with a prefix.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO_DIR = dirname(BENCH_DIR);
export const RESULT_PREFIX = '@@result ';

export interface ChildOutcome<T> {
  result?: T;
  /** Why no result came: exit code and the last lines of stderr, or a timeout. */
  error?: string;
  /** Wall time from spawn to exit. */
  wallMs: number;
}

export interface ChildOptions {
  /** Extra node flags, e.g. --max-old-space-size=16384, --expose-gc. */
  nodeFlags?: string[];
  timeoutMs?: number;
  /** Prefix for the child's progress lines on our stderr. */
  label?: string;
  /** Called for each stdout line that is not the result (e.g. "@@ready"). */
  onLine?: (line: string) => void;
  /** Called once the process is spawned (e.g. to keep a handle for stdin). */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void;
}

/** The error message in a child's last stderr lines: the last line that is not a stack frame. */
function lastMessage(lines: string[]): string {
  const meaningful = lines.filter(
    (l) => l.trim() && !/^\s+(at |\d+: )|^Node\.js v/.test(l) && !l.trim().startsWith('^'),
  );
  return (meaningful[meaningful.length - 1] ?? 'no output').trim().slice(0, 300);
}

/** Spawns `node --import tsx <script> ...args` from the repository root. */
export function runScript<T>(script: string, args: string[], options: ChildOptions = {}): Promise<ChildOutcome<T>> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', 'tsx', join(BENCH_DIR, script), ...args],
    {
      cwd: REPO_DIR,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  options.onSpawn?.(child);
  let result: T | undefined;
  let stdoutRest = '';
  let stderrRest = '';
  const stderrTail: string[] = [];
  const label = options.label ? `[${options.label}] ` : '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (stdoutRest + chunk).split('\n');
    stdoutRest = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith(RESULT_PREFIX)) result = JSON.parse(line.slice(RESULT_PREFIX.length)) as T;
      else options.onLine?.(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (stderrRest + chunk).split('\n');
    stderrRest = lines.pop() ?? '';
    for (const line of lines) {
      process.stderr.write(`  ${label}${line}\n`);
      stderrTail.push(line);
      if (stderrTail.length > 40) stderrTail.shift();
    }
  });
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : undefined;
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (stderrRest) stderrTail.push(stderrRest);
      const wallMs = performance.now() - started;
      if (result !== undefined && code === 0) return resolve({ result, wallMs });
      const why = timedOut
        ? `timed out after ${Math.round((options.timeoutMs ?? 0) / 1000)} s`
        : `exit ${code ?? signal}: ${lastMessage(stderrTail)}`;
      resolve({ result, error: why, wallMs });
    });
  });
}

/** Runs one task of bench/task.ts. */
export function runTask<T>(task: string, params: object, options: ChildOptions = {}): Promise<ChildOutcome<T>> {
  return runScript<T>('task.ts', [task, JSON.stringify(params)], options);
}

/** In a child: hands the result to the parent. */
export function emitResult(result: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/** In a child: a progress line (stderr; the parent prefixes it). */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}
