/**
 * Which pins would move, and why. A pin is the newest commit that changed a service's image inputs; the
 * preview computes pins with the work tree's snapshot as HEAD, so a service whose inputs the uncommitted
 * change touches gets the snapshot's commit — shown as `(this change)`, with the changed input files as
 * the reason. Moves to commits already on the branch list those commits (release notes' attribution).
 */
import type { Recipe } from '../model';
import { PathClassifier } from '../pins/classify';
import type { GraphInputs } from '../pins/inputs';
import { movedBetween } from '../release/moved';
import { describeInput } from '../release/notes/model';
import { releaseNotes } from '../release/notes/notes';
import { THIS_CHANGE, type MoveReason, type PinMove } from './model';
import type { WorkTreeSnapshot } from './snapshot';

export interface PinSides {
  readonly environment: string;
  readonly before?: Recipe;
  readonly after?: Recipe;
}

/** Only the pins matter here: without promotedFrom, release notes compute no manifest ranges. */
const pinsOnly = (r: Recipe | undefined): Recipe | undefined => (r ? { environment: r.environment, services: r.services } : undefined);

export async function pinMoves(root: string, sides: readonly PinSides[], snapshot: WorkTreeSnapshot, graph: Promise<GraphInputs>): Promise<PinMove[][]> {
  const uncommitted = snapshot.commit !== snapshot.head;
  const notes = await releaseNotes(
    root,
    sides.map((s) => ({ chain: [s.environment], before: pinsOnly(s.before), after: pinsOnly(s.after), at: { after: snapshot.commit } })),
    { tip: snapshot.commit, graph: () => graph },
  );
  const classifier = uncommitted ? new PathClassifier(await graph, (await graph).services) : undefined;
  const show = (sha: string | undefined): string | undefined => (uncommitted && sha === snapshot.commit ? THIS_CHANGE : sha);
  return sides.map((side, i) =>
    movedBetween(side.before, side.after).map((m): PinMove => {
      const note = notes[i].moves.find((n) => n.service === m.service);
      const why = (note?.commits ?? []).map((c): MoveReason => {
        const inputs = c.inputs.map(describeInput);
        if (!uncommitted || c.sha !== snapshot.commit) return { kind: 'commit', sha: c.sha, subject: c.subject, inputs };
        const files = snapshot.changed.filter((p) => classifier!.servicesOf(p).includes(m.service));
        return { kind: 'this-change', files, packages: inputs.filter((d) => d.startsWith('npm ')) };
      });
      const namespace = (side.after?.services[m.service] ?? side.before?.services[m.service])!.namespace;
      return { service: m.service, namespace, ...(m.from ? { from: m.from } : {}), ...(m.to ? { to: show(m.to) } : {}), why };
    }),
  );
}
