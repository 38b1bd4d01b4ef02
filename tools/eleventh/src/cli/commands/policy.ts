import { loadConfig } from '../../config/load';
import { topLevel } from '../../git/run';
import { loadKit } from '../../load/kit';
import { DISK_POLICIES, diskPolicyFindings } from '../../release/verify/render-rules';
import { defineCommand } from '../declare';
import { ENVS_OPTION, JSON_OPTION } from '../options';
import { reportFindings } from '../output';

export const policyCommand = defineCommand({
  name: 'policy',
  summary: `Only the platform policies verify runs on the generated files on disk (${DISK_POLICIES.join(', ')}); every finding, exit 1 if any`,
  description: `Reads every generated YAML file of each environment as it is on disk (hand-written files are skipped)
and runs the platform policies verify runs there: ${DISK_POLICIES.join(', ')}. Every other platform policy runs on
every object at render time, where a violation is exit 2 with nothing written. Fast: no render, no git history.`,
  options: { env: ENVS_OPTION, json: JSON_OPTION },
  examples: ['eleventh policy', 'eleventh policy --env prod --json'],
  async run({ options }, io) {
    const root = topLevel(io.cwd);
    const config = loadConfig(root);
    const envs = options.env ?? config.environments;
    envs.forEach((e) => config.environment(e));
    const kit = loadKit(root);
    return reportFindings(io, 'policy', envs.flatMap((env) => diskPolicyFindings(root, env, kit)), options.json);
  },
});
