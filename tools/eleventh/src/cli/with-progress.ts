/** A command runs with a progress reporter on the process's stderr, unless --quiet or the IO has no stream. */
import { ProgressReporter, setReporter } from '../progress';
import type { CommandIO } from './command';

export async function runWithProgress(io: CommandIO, quiet: boolean, run: () => Promise<number>): Promise<number> {
  const reporter = io.progress && !quiet ? new ProgressReporter(io.progress) : undefined;
  setReporter(reporter);
  try {
    return await run();
  } finally {
    reporter?.finish();
    setReporter(undefined);
  }
}
