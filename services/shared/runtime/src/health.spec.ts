import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHealth, healthHandler, type HealthCheck } from './health';

describe('checkHealth', () => {
  it('is ok with no checks', async () => {
    expect(await checkHealth()).toEqual({ status: 'ok', checks: {} });
  });

  it('runs every check and fails when any fails, throws or rejects', async () => {
    const report = await checkHealth({
      db: () => true,
      queue: async () => false,
      cache: () => {
        throw new Error('down');
      },
      disk: () => Promise.reject(new Error('io')),
    });
    expect(report.status).toBe('failing');
    expect(report.checks).toEqual({ cache: false, db: true, disk: false, queue: false });
    expect(Object.keys(report.checks)).toEqual(['cache', 'db', 'disk', 'queue']);
  });
});

describe('healthHandler', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  async function probe(checks: Record<string, HealthCheck>): Promise<{ status: number; body: unknown }> {
    server = createServer(healthHandler(checks));
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    return { status: res.status, body: await res.json() };
  }

  it('answers 200 with the report when healthy', async () => {
    expect(await probe({ db: () => true })).toEqual({ status: 200, body: { status: 'ok', checks: { db: true } } });
  });

  it('answers 503 when a check fails', async () => {
    const { status, body } = await probe({ db: () => false });
    expect(status).toBe(503);
    expect(body).toEqual({ status: 'failing', checks: { db: false } });
  });
});
