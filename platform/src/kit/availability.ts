/** What a render context says about availability, with the kit's defaults for engines that pass none. */
import type { RenderContext } from './types';

export function availabilityOf(ctx: RenderContext): { pdb: boolean; spread: boolean } {
  return { pdb: ctx.availability?.pdb ?? true, spread: ctx.availability?.spread ?? false };
}
