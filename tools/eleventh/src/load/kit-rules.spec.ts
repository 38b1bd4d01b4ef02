import Module from 'node:module';
import { describe, expect, it } from 'vitest';
import { installedKit, installedRules, RULE_KEYS } from './kit';

const loadedModels = (): string[] => Object.keys((Module as unknown as { _cache: Record<string, unknown> })._cache).filter((f) => f.includes('/kubernetes-models/'));

describe('installedRules: the kit\'s config rules without the kit', () => {
  it('loads no kubernetes-models (this file runs in its own process, so nothing loaded them before)', () => {
    expect(loadedModels()).toEqual([]);
    const rules = installedRules();
    expect(rules.nameProblem('namespace', 'payments')).toBeUndefined();
    expect(loadedModels()).toEqual([]);
  });

  it('has every key config uses, from the leaf modules, and each is the index\'s', () => {
    const rules = installedRules() as unknown as Record<string, unknown>;
    const kit = installedKit() as unknown as Record<string, unknown>;
    expect(rules).not.toBe(kit); // not the fallback to the whole kit
    for (const key of RULE_KEYS) {
      expect(rules[key], key).toBeDefined();
      if (typeof kit[key] === 'function') expect(String(rules[key]), key).toBe(String(kit[key]));
      else expect(rules[key], key).toEqual(kit[key]);
    }
  });

  it('answers as the kit does', () => {
    const rules = installedRules();
    const kit = installedKit();
    for (const name of ['payments', '_flux', 'kube-system', 'Bad_Name', '']) expect(rules.nameProblem('namespace', name), name).toEqual(kit.nameProblem('namespace', name));
    expect(rules.didYouMean('replcas', ['replicas', 'resources'])).toBe(kit.didYouMean('replcas', ['replicas', 'resources']));
    expect(rules.registryProblem('https://x')).toBe(kit.registryProblem('https://x'));
  });
});
