import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
/** What a CLI main() may touch, so tests can run it in-process with strings. */
export interface CliIo {
  stdin: AsyncIterable<string | Buffer> & { isTTY?: boolean };
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: CliIo = {
  stdin: process.stdin,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** Reads input one line at a time (without the newline), decoding UTF-8 across chunk boundaries. */
export async function* readLines(input: AsyncIterable<string | Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let buffered = '';
  for await (const chunk of input) {
    buffered += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      yield buffered.slice(0, nl).replace(/\r$/, '');
      buffered = buffered.slice(nl + 1);
    }
  }
  buffered += decoder.decode();
  if (buffered) yield buffered.replace(/\r$/, '');
}

/** True when the module at `moduleUrl` is the script node was started with (paths with spaces or 中文 too). */
export function isEntryPoint(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
}

/** Runs a CLI main and sets the exit code; the bin files are this one line. */
export function run(main: (argv: string[], env: NodeJS.ProcessEnv, io: CliIo) => Promise<number>): void {
  main(process.argv.slice(2), process.env, processIo).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

/** Exit codes shared by the CLIs. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;

type CliOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a CLI's arguments, adding -h/--help. Returns the parsed values and positionals, or the exit code
 * when main should stop: 0 after printing help, 2 after printing a usage error.
 */
export function parseCliArgs<const O extends CliOptions>(
  argv: string[],
  options: O,
  help: string,
  io: CliIo,
  allowPositionals = true,
) {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } } as O,
      allowPositionals,
      strict: true,
    });
    if ((parsed.values as { help?: boolean }).help) {
      io.stdout(help);
      return EXIT.OK;
    }
    return parsed;
  } catch (e) {
    io.stderr(`${(e as Error).message}\n${help}`);
    return EXIT.USAGE;
  }
}
