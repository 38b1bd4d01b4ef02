/**
 * vitest globalSetup of the integration project: the example repository and the reciped example, built once
 * for the run (example-template.ts), removed at its end. Building them checks what each spec's own build
 * checked: `eleventh recipe` exits 0 in the example, or no integration spec runs.
 */
import { createExampleRepo, createRecipedRepo } from './example-repo';
import { TEMPLATES_ENV } from './example-template';

export default function setup(): () => void {
  delete process.env[TEMPLATES_ENV];
  const example = createExampleRepo('eleventh-template-example-');
  process.env[TEMPLATES_ENV] = JSON.stringify({ example: example.root });
  const reciped = createRecipedRepo('eleventh-template-reciped-');
  process.env[TEMPLATES_ENV] = JSON.stringify({ example: example.root, reciped: reciped.root });
  return () => {
    delete process.env[TEMPLATES_ENV];
    example.cleanup();
    reciped.cleanup();
  };
}
