/** `--commit` and `--push [remote]`, shared by recipe, promote and rollback. */
import { topLevel } from '../../git/run';
import { knownRemote } from '../../release/push';
import type { OptionSpecs } from '../options';

export const PUBLISH_OPTIONS = {
  commit: { type: 'boolean', description: 'commit the change (one commit per environment; the message names the moves and the tag)' },
  push: {
    type: 'string',
    value: 'remote',
    bare: { value: 'origin', takes: (word: string, cwd: string) => knownRemote(topLevel(cwd), word) },
    description:
      'commit and push; on rejection fetch, rebase, re-compute and retry with jittered backoff for up to ELEVENTH_PUSH_TIMEOUT seconds (default 600); when that runs out nothing is pushed and the exit code is 75 (run again)',
  },
} as const satisfies OptionSpecs;
