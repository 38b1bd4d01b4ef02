import { emitYaml } from '@eleventh/cli';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml, toYamlSections } from './yaml';

describe('toYaml / toYamlSections (the engine emitter, for what the generators write)', () => {
  it('writes exactly what the engine writes, the comment above it', () => {
    const value = { cluster: { name: 'qa' }, profiles: [], quota: { cpu: '8', pods: 50 }, tags: ['a', 'b'] };
    expect(toYaml(value)).toBe(emitYaml(value));
    expect(toYaml(value, ' one\n two')).toBe(`# one\n# two\n${emitYaml(value)}`);
  });

  it('puts each part under its comment and leaves out parts without keys, comment and all', () => {
    const text = toYamlSections([
      { comment: ' base', value: { extends: 'prod', registry: undefined, cluster: { name: 'dr' } } },
      { comment: ' never shown', value: { promotion: undefined } },
      { comment: ' mirror', value: { promotion: { mirrorOf: 'prod' } } },
    ]);
    expect(text).toBe('# base\nextends: prod\ncluster:\n  name: dr\n# mirror\npromotion:\n  mirrorOf: prod\n');
    expect(parse(text)).toEqual({ extends: 'prod', cluster: { name: 'dr' }, promotion: { mirrorOf: 'prod' } });
  });

  it('writes {} under the first comment when no part has a key', () => {
    expect(toYamlSections([{ comment: ' nothing differs', value: {} }, { comment: ' x', value: { a: undefined } }])).toBe('# nothing differs\n{}\n');
  });
});
