/** `render` and `recipe` write nothing while the run has a policy finding: exit 1, every finding listed. */
import { ElevenError } from '../errors';
import { formatFinding, type Finding } from '../findings';

export class PolicyFindingsError extends ElevenError {
  readonly exitCode = 1;
  constructor(readonly findings: readonly Finding[]) {
    super(findings.map(formatFinding).join('\n'));
    this.name = 'PolicyFindingsError';
  }
  report(): string {
    return `${this.message}\neleventh: ${this.findings.length} policy finding(s), nothing written (fix them, or declare an exception: environments/README.md#policies-and-exceptions)`;
  }
}

export function refuseOnPolicyFindings(plan: { readonly policyFindings: readonly Finding[] }): void {
  if (plan.policyFindings.length > 0) throw new PolicyFindingsError(plan.policyFindings);
}
