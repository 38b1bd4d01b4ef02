/** Helpers shared by every generator (and the plopfile through them). */
export * from './errors';
export * from './names';
export * from './templates';
export * from './codeowners';
export * from './environments';
export * from './clusters';
export * from './hand-written';
export * from './yaml';
