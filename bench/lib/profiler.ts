/**
 * CPU profiling of one section of a run (the same sampling profiler `node --cpu-prof` uses, started and
 * stopped around the code measured, so set-up such as the corpus load stays out of the profile).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Session } from 'node:inspector/promises';

/** Profiles `work` and writes a .cpuprofile (open it in Chrome DevTools → Performance, or summarize it). */
export async function profileSection(
  path: string,
  work: () => void | Promise<void>,
  intervalUs = 200,
): Promise<string> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.post('Profiler.start');
  try {
    await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(profile));
    session.disconnect();
  }
  return path;
}
