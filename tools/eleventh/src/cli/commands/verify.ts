import { topLevel } from '../../git/run';
import { verify } from '../../release/verify/verify';
import { flag, list, parse } from '../args';
import type { Command } from '../command';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Recipes ↔ rendered files ↔ git history ↔ policies: report every finding, exit 1 if any',
  usage: `eleventh verify [--env E[,E…]] [--json]

  For each environment: every recipe digest matches its rendered files; every pin is a commit in HEAD's
  history; every image ends with its pin; pins of environments that follow main are current; every rendered
  file is exactly what eleventh renders (promoted environments from their promotedFrom commit); no object
  uses a mutable image tag. Exit 0 clean, 1 with findings, 2 bad input.`,
  async run(argv, io) {
    const p = parse('verify', argv, { env: { type: 'string', multiple: true }, json: { type: 'boolean' } });
    if (flag(p, 'help')) return io.out(this.usage), 0;
    const findings = await verify({ root: topLevel(io.cwd), envs: list(p, 'env') });
    if (flag(p, 'json')) io.out(JSON.stringify({ findings }, null, 2));
    else for (const f of findings) io.out(f);
    io.err(findings.length === 0 ? 'eleventh: verify: clean' : `eleventh: verify: ${findings.length} finding(s)`);
    return findings.length === 0 ? 0 : 1;
  },
};
