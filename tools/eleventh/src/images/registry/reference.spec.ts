import { describe, expect, it } from 'vitest';
import { formatImageRef, isLoopback, parseImageRef } from './reference';

const D = `sha256:${'0'.repeat(64)}`;

describe('image references', () => {
  it.each([
    ['registry.example.com/acme/api:abc', { host: 'registry.example.com', repository: 'acme/api', tag: 'abc' }],
    [`127.0.0.1:5000/acme/api:v1@${D}`, { host: '127.0.0.1:5000', repository: 'acme/api', tag: 'v1', digest: D }],
    [`localhost/api@${D}`, { host: 'localhost', repository: 'api', digest: D }],
  ])('parses %s', (ref, parsed) => {
    expect(parseImageRef(ref)).toEqual(parsed);
    expect(formatImageRef(parseImageRef(ref))).toBe(ref);
  });

  it.each([
    ['node:20', 'it has no registry host'],
    ['library/node:20', "'library' is not a registry host"],
    ['r.example.com/Acme/api:v1', "the path part 'Acme'"],
    ['r.example.com/acme/api@sha256:123', "the digest 'sha256:123'"],
  ])('refuses %s', (ref, problem) => {
    expect(() => parseImageRef(ref)).toThrow(problem);
  });

  it('treats only loopback hosts as plain-HTTP', () => {
    expect(['127.0.0.1:5000', 'localhost:5000', 'localhost', '[::1]:5000'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['registry.example.com', '10.0.0.1:5000', '127.example.com'].map(isLoopback)).toEqual([false, false, false]);
  });
});
