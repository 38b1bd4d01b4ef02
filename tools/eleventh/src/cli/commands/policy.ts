import { planRun } from '../../engine/plan';
import { sortFindings } from '../../findings';
import { topLevel } from '../../git/run';
import { loadKit } from '../../load/kit';
import { NOW_VARIABLE } from '../../policy/clock';
import { DISK_POLICIES, diskPolicyFindings } from '../../release/verify/render-rules';
import { defineCommand } from '../declare';
import { ENVS_OPTION, JSON_OPTION } from '../options';
import { reportFindings } from '../output';

export const policyCommand = defineCommand({
  name: 'policy',
  summary: 'The platform policies on a fresh in-memory render of each environment (and on the generated files on disk); every finding, exit 1 if any',
  description: `Renders each environment in memory (nothing is written) and runs the environment policies on what it
renders: requests ≤ limits, the namespace quota admits the peak of its services, numeric runAsUser, no privileged
or host access, a service's objects in its own namespace, no cluster-admin or wildcard roles, ConfigMaps under
1 MiB, PodDisruptionBudget and topology spread for replicated services, probes (environments/README.md
#policies-and-exceptions lists every rule). Exceptions declared in config suppress their findings until they
expire; an expired one is a finding. Also runs the policies verify runs on the files on disk (${DISK_POLICIES.join(', ')}).
The date exceptions are checked against is today (UTC), or ${NOW_VARIABLE} (YYYY-MM-DD, or an ISO time with its
zone). render and recipe refuse to write while there is a finding; verify includes them.`,
  options: { env: ENVS_OPTION, json: JSON_OPTION },
  examples: ['eleventh policy', 'eleventh policy --env prod --json', `${NOW_VARIABLE}=2027-01-01 eleventh policy`],
  async run({ options }, io) {
    const root = topLevel(io.cwd);
    const plan = await planRun({ root, mode: 'render', envs: options.env, allowDirty: true });
    const kit = loadKit(root);
    const disk = plan.outcomes.flatMap((o) => diskPolicyFindings(root, o.environment, kit));
    return reportFindings(io, 'policy', sortFindings([...plan.policyFindings, ...disk]), options.json);
  },
});
