/** write/: turn desired files into files on disk, atomically per file, never touching hand-written ones. */
export { planWrites, mergePlans, type WritePlan, type WriteScope } from './plan';
export { applyPlan, type ApplyHooks } from './apply';
export { describePlan, countChanges } from './describe';
export { WriteFailedError, WriteRefusedError, type WriteFinding } from './errors';
export { WriteInterruptedError } from './interrupt';
