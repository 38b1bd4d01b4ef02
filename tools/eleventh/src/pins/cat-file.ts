/** One long-lived `git cat-file --batch` process: read many objects with a single git process. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitError } from '../errors';

interface Waiter {
  readonly spec: string;
  readonly resolve: (value: { oid: string; content: Buffer } | undefined) => void;
  readonly reject: (err: Error) => void;
}

export class CatFile {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly waiters: Waiter[] = [];
  private stderr = '';

  constructor(root: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd: root, env: { ...process.env, LC_ALL: 'C' } });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.on('close', (code) => this.failAll(code));
    this.child.on('error', (err) => this.failAll(null, err.message));
  }

  /** The object named by `spec` (e.g. `<sha>:package-lock.json`), or undefined when it does not exist. */
  read(spec: string): Promise<{ oid: string; content: Buffer } | undefined> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ spec, resolve, reject });
      this.child.stdin.write(`${spec}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (this.waiters.length > 0) {
      const eol = this.buffer.indexOf(10);
      if (eol < 0) return;
      const header = this.buffer.subarray(0, eol).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(eol + 1);
        (this.waiters.shift() as Waiter).resolve(undefined);
        continue;
      }
      const [oid, , size] = header.split(' ');
      const end = eol + 1 + Number(size);
      if (this.buffer.length < end + 1) return;
      const content = Buffer.from(this.buffer.subarray(eol + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      (this.waiters.shift() as Waiter).resolve({ oid, content });
    }
  }

  private failAll(code: number | null, message?: string): void {
    for (const w of this.waiters.splice(0)) {
      w.reject(new GitError(['cat-file', '--batch', `(${w.spec})`], message ?? this.stderr, code));
    }
  }
}
