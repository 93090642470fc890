/** Reads a V8 .cpuprofile (node --cpu-prof) into self and total time per function. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  /** functionName (or "(anonymous)"), with where it is defined. */
  name: string;
  location: string;
  selfMs: number;
  totalMs: number;
  selfShare: number;
  totalShare: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: FunctionTime[];
}

/** Where a function is defined, short: src/search/engine.ts:123, minisearch/dist/es/index.js:88, (native). */
function locationOf(url: string, line: number, root: string): string {
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  const short = nm >= 0 ? path.slice(nm + '/node_modules/'.length) : path.startsWith('/') ? relative(root, path) : path;
  // Modules compiled by tsx report every function on line 1: a line number there would only mislead.
  return line > 0 ? `${short}:${line + 1}` : short;
}

/**
 * Self time (samples whose top frame is the function) and total time (samples with the function anywhere on
 * the stack, counted once per sample) per function, summed over every node of the call tree. Idle and
 * program/GC pseudo-frames are kept: "(garbage collector)" is a finding too.
 */
export function summarizeCpuProfile(path: string, root: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const keyOf = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'}\t${locationOf(n.callFrame.url, n.callFrame.lineNumber, root)}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    // timeDeltas[i] is the time before sample i; the sample stands for the interval that follows it.
    const dt = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
    totalUs += dt;
    const top = byId.get(id);
    if (!top) return;
    const topKey = keyOf(top);
    self.set(topKey, (self.get(topKey) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = top; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const key = keyOf(n);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
  });
  const functions = [...total.keys()].map((key) => {
    const [name = '', location = ''] = key.split('\t');
    const selfUs = self.get(key) ?? 0;
    const totalKeyUs = total.get(key) ?? 0;
    return {
      name,
      location,
      selfMs: selfUs / 1000,
      totalMs: totalKeyUs / 1000,
      selfShare: selfUs / totalUs,
      totalShare: totalKeyUs / totalUs,
    };
  });
  return { totalMs: totalUs / 1000, functions };
}

/** A Markdown table of the top functions by self time, with their total (inclusive) share beside. */
export function formatTopSelf(summary: ProfileSummary, count = 15): string {
  const rows = [...summary.functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, count);
  return [
    '| self % | total % | function | where |',
    '|---:|---:|---|---|',
    ...rows.map(
      (f) =>
        `| ${(100 * f.selfShare).toFixed(1)} | ${(100 * f.totalShare).toFixed(1)} | \`${f.name}\` | ${f.location} |`,
    ),
  ].join('\n');
}

/** A Markdown table of the functions with the largest total share whose location matches `filter` (e.g. our src/). */
export function formatTopTotal(summary: ProfileSummary, filter: (f: FunctionTime) => boolean, count = 12): string {
  const rows = summary.functions
    .filter(filter)
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, count);
  return [
    '| total % | self % | function | where |',
    '|---:|---:|---|---|',
    ...rows.map(
      (f) =>
        `| ${(100 * f.totalShare).toFixed(1)} | ${(100 * f.selfShare).toFixed(1)} | \`${f.name}\` | ${f.location} |`,
    ),
  ].join('\n');
}
