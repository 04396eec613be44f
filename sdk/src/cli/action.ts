import { reportFailure } from './errors.js';
import type { CliIO } from './io.js';

/**
 * A commander action that reports its own failure: whatever the command
 * throws becomes one line on stderr (a JSON error document too under --json)
 * and the exit code the error carries.
 */
export function action<A extends unknown[]>(
  io: CliIO,
  name: string,
  done: (code: number) => void,
  run: (...args: A) => Promise<number> | number,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    // commander passes the positional arguments, then the options, then the command
    const options = args[args.length - 2] as { json?: boolean; format?: string } | undefined;
    try {
      done(await run(...args));
    } catch (err) {
      done(reportFailure(io, name, err, Boolean(options?.json) || options?.format === 'json'));
    }
  };
}
