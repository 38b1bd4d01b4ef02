/**
 * Read existing files fast: tens of thousands of small files are compared per run, so reads go into one
 * reusable buffer (no allocation per file) and desired text is encoded into another for the comparison.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

const SCRATCH = Buffer.allocUnsafe(1 << 20);
const ENCODED = Buffer.allocUnsafe(1 << 20);

/** The bytes of `abs`. The result may be a view of a shared buffer: use it before the next call. */
export function readBytes(abs: string): Buffer {
  const fd = openSync(abs, 'r');
  let total = 0;
  try {
    for (;;) {
      const n = readSync(fd, SCRATCH, total, SCRATCH.length - total, null);
      if (n === 0) return SCRATCH.subarray(0, total);
      total += n;
      if (total === SCRATCH.length) break;
    }
  } finally {
    closeSync(fd);
  }
  return readFileSync(abs);
}

/** `bytes` are exactly the UTF-8 encoding of `text`. */
export function sameBytes(bytes: Buffer, text: string): boolean {
  if (text.length * 3 >= ENCODED.length) return bytes.equals(Buffer.from(text, 'utf8'));
  const n = ENCODED.write(text, 0, 'utf8');
  return n === bytes.length && ENCODED.compare(bytes, 0, n, 0, n) === 0;
}
