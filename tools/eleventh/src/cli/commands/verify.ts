import { topLevel } from '../../git/run';
import { verify } from '../../release/verify/verify';
import { defineCommand } from '../declare';
import { ENVS_OPTION, JSON_OPTION } from '../options';
import { reportFindings } from '../output';
import { REGISTRY_OPTIONS, registryOptions } from './registry-options';

export const verifyCommand = defineCommand({
  name: 'verify',
  summary: 'Recipes ↔ rendered files ↔ git history ↔ policies, and every promoted environment re-derived from its record (with --images: every pinned image and its SBOM in its registry); every finding, exit 1 if any',
  description: `For each environment: every recipe digest matches its rendered files; every pin is a commit in HEAD's
history; every image ends with its pin; pins of environments that follow main are current; every rendered
file is exactly what eleventh renders (promoted environments from their promotedFrom commit); the policies
of \`eleventh policy\` hold on the files on disk; a promoted environment's record (commits on the release
branch, tag, signer, the source's pins) re-derives. One line per finding: \`file[:line]: message [rule]\`.
With --images, every pinned image is also checked against its registry, at the line of its recipe entry:
the pin's tag exists (images/missing), its digest is recorded (images/digest-unrecorded) and equals the
recipe's imageDigest (images/digest-mismatch), and its SBOM exists (images/sbom-missing), is recorded
(images/sbom-unrecorded) with that digest (images/sbom-digest-mismatch), describes that image
(images/sbom-subject) and lists the pin's locked inputs (images/sbom-components). Off by default: no
registry is asked without it.`,
  options: { env: ENVS_OPTION, images: { type: 'boolean', description: 'also check every pinned image and its SBOM against its registry' }, ...REGISTRY_OPTIONS, json: JSON_OPTION },
  examples: ['eleventh verify', 'eleventh verify --env prod --json', 'eleventh verify --images'],
  async run({ options }, io) {
    const findings = await verify({ root: topLevel(io.cwd), envs: options.env, images: options.images, registries: registryOptions(options['insecure-registry']) });
    return reportFindings(io, 'verify', findings, options.json);
  },
});
