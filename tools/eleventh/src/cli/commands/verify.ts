import { topLevel } from '../../git/run';
import { verify } from '../../release/verify/verify';
import { defineCommand } from '../declare';
import { ENVS_OPTION, JSON_OPTION } from '../options';
import { reportFindings } from '../output';

export const verifyCommand = defineCommand({
  name: 'verify',
  summary: 'Recipes ↔ rendered files ↔ git history ↔ policies, and every promoted environment re-derived from its record; every finding, exit 1 if any',
  description: `For each environment: every recipe digest matches its rendered files; every pin is a commit in HEAD's
history; every image ends with its pin; pins of environments that follow main are current; every rendered
file is exactly what eleventh renders (promoted environments from their promotedFrom commit); the policies
of \`eleventh policy\` hold on the files on disk; a promoted environment's record (commits on the release
branch, tag, signer, the source's pins) re-derives. One line per finding: \`file[:line]: message [rule]\`.`,
  options: { env: ENVS_OPTION, json: JSON_OPTION },
  examples: ['eleventh verify', 'eleventh verify --env prod --json'],
  async run({ options }, io) {
    const findings = await verify({ root: topLevel(io.cwd), envs: options.env });
    return reportFindings(io, 'verify', findings, options.json);
  },
});
