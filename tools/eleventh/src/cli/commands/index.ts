import type { Command } from '../command';
import { explainCommand } from './explain';
import { pinsCommand } from './pins';
import { imagesCommand } from './images';
import { recipeCommand } from './recipe';
import { renderCommand } from './render';
import { promoteCommand } from './promote';
import { rollbackCommand } from './rollback';
import { verifyCommand } from './verify';
import { policyCommand } from './policy';
import { diffCommand } from './diff';
import { historyCommand } from './history';
import { newCommand } from './new';
import { reportCommand } from './report';
import { metricsCommand } from './metrics';
import { previewCommand } from './preview';

/** Every command, in the order `eleventh --help` and the README list them. */
export const commands: readonly Command[] = [recipeCommand, renderCommand, pinsCommand, imagesCommand, explainCommand, promoteCommand,
  rollbackCommand, verifyCommand, policyCommand, diffCommand, previewCommand, historyCommand, reportCommand, metricsCommand, newCommand];
