import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { mayHoldContainers } from './render-rules';

/** Every key anywhere in the parsed documents. */
function keys(text: string): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.push(k), visit(x));
  };
  for (const doc of parseAllDocuments(text)) visit(doc.toJS({ maxAliasCount: -1 }));
  return out;
}

const spellings = [
  'spec:\n  template:\n    spec:\n      containers:\n        - image: nginx\n',
  'spec: {template: {spec: {initContainers: [{image: nginx}]}}}\n',
  "spec:\n  template:\n    spec:\n      'containers':\n        - image: nginx\n",
  'spec:\n  template:\n    spec:\n      "c\\x6Fntainers":\n        - image: nginx\n',
  'spec:\n  template:\n    spec:\n      "\\u0063\\u006f\\u006etainers":\n        - image: nginx\n',
  'spec:\n  template:\n    spec:\n      ? "cont\\\n        ainers"\n      : - image: nginx\n',
  'a: &x\n  containers: [{image: nginx}]\nspec:\n  template:\n    spec: *x\n',
  'spec:\n  template:\n    spec:\n      <<: {containers: [{image: nginx}]}\n',
];

describe('mayHoldContainers (the disk policy reads only files that may hold a container)', () => {
  it.each(spellings)('is true for every way YAML can spell the key: %j', (text) => {
    expect(keys(text).some((k) => k === 'containers' || k === 'initContainers')).toBe(true);
    expect(mayHoldContainers(text)).toBe(true);
  });

  it('is false for a file with no such key and no escape', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports:\n    - port: 80\n';
    expect(mayHoldContainers(text)).toBe(false);
  });
});
