/** The plop prompts, the conditional prompt and the answers → options step, without plop or a workspace on disk. */
import { describe, expect, it } from 'vitest';
import { ASK_IF, askIf, conditionalPrompt } from './conditional';
import { answersToOptions, generatorEntries, generatorSchema } from './options';
import { plopGenerators } from './prompts';
import type { Answers, PromptClass, Question } from './types';

const generators = plopGenerators('/nowhere');

describe('plop prompts', () => {
  it.each(Object.entries(generators))('%s: every prompt is an option of the generator under the same name', (name, generator) => {
    const properties = Object.keys((generatorSchema(name) as { properties: object }).properties);
    for (const prompt of generator.prompts) expect(properties, prompt.name).toContain(prompt.name);
  });

  it('offers every generator of generators.json except workspace', () => {
    expect(Object.keys(generators).sort()).toEqual(Object.keys(generatorEntries()).filter((n) => n !== 'workspace').sort());
  });

  it('no prompt uses a `when` function (node-plop would refuse to bypass it) and every list keeps a bypassed value as typed', () => {
    for (const [name, generator] of Object.entries(generators)) {
      for (const prompt of generator.prompts as Array<Question & { when?: unknown }>) {
        expect(typeof prompt.when, `${name}.${prompt.name}`).not.toBe('function');
        if (prompt.type === 'list' || prompt.ask === 'list') expect(prompt.bypass?.('anything', prompt), `${name}.${prompt.name}`).toBe('anything');
      }
    }
  });
});

describe('answersToOptions (what nx g does with its options)', () => {
  it('leaves out empty and skipped answers, coerces numbers and sets the schema defaults', () => {
    expect(answersToOptions('service', { name: 'svc', namespace: 'apps', template: 'java', type: undefined, port: '9000', schedule: '' })).toEqual({
      name: 'svc',
      namespace: 'apps',
      template: 'java',
      type: 'http',
      port: 9000,
      skipFormat: false,
    });
    expect(answersToOptions('namespace', { name: 'risk', team: 'acme/risk', quota: '' })).toEqual({ name: 'risk', team: 'acme/risk', skipFormat: false });
  });

  it("refuses what the schema refuses, with Nx's message, as an Error", () => {
    expect(() => answersToOptions('service', { name: 'svc', namespace: 'apps', port: 'eighty' })).toThrow(Error);
    expect(() => answersToOptions('service', { name: 'svc', namespace: 'apps', port: 'eighty' })).toThrow("Property 'port' does not match the schema");
    expect(() => answersToOptions('service', { name: 'svc', namespace: 'apps', type: 'daemon' })).toThrow(/type/);
    expect(() => answersToOptions('namespace', { name: 'risk' })).toThrow(/team/);
  });
});

describe('the conditional prompt', () => {
  class Echo {
    constructor(private readonly q: Question) {}
    run(): Promise<unknown> {
      return Promise.resolve(`${this.q.type}:${this.q.name}`);
    }
  }
  const Prompt = conditionalPrompt({ input: Echo as unknown as PromptClass });
  const question = askIf({ type: 'input', name: 'port', message: 'Port' }, (a: Answers) => a.type === 'http');

  it('asks the wrapped prompt when the condition holds, and leaves the answer out when it does not', async () => {
    expect(question.type).toBe(ASK_IF);
    expect(await new Prompt(question, null, { type: 'http' }).run()).toBe('input:port');
    expect(await new Prompt(question, null, { type: 'worker' }).run()).toBeUndefined();
  });

  it('keeps a bypassed value as typed, and names a prompt type it does not know', async () => {
    expect(question.bypass?.('8080', question)).toBe('8080');
    const odd = askIf({ type: 'editor', name: 'notes', message: 'Notes' }, () => true);
    await expect(new Prompt(odd, null, {}).run()).rejects.toThrow("notes: no prompt type 'editor'");
  });
});
