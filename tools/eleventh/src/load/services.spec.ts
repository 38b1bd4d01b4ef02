import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { blobId } from './services';

describe('blobId', () => {
  it.each(['', 'export default 1;\n', 'ünïcode — deploy.ts\n'])('equals git hash-object for %j', (text) => {
    const git = spawnSync('git', ['hash-object', '--stdin'], { input: text, encoding: 'utf8' });
    expect(git.status).toBe(0);
    expect(blobId(Buffer.from(text))).toBe(git.stdout.trim());
  });
});
