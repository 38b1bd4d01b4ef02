/**
 * fraud-scorer: scores transactions over HTTP for payments. Run: node main.js (PORT).
 * Deliberately standalone (no @acme/runtime): a runtime change must not move this service's pin.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { scoreTransaction, Transaction } from './score';

const port = Number(process.env.PORT ?? 8080);
let stopping = false;

function log(msg: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ ...fields, time: new Date().toISOString(), service: 'fraud-scorer', msg })}\n`);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function score(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return reply(res, 400, { errors: ['(body): not JSON'] });
  }
  const parsed = Transaction.safeParse(body);
  if (!parsed.success) return reply(res, 400, { errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  reply(res, 200, scoreTransaction(parsed.data));
}

const server = createServer((req, res) => {
  if (req.url === '/healthz') return reply(res, stopping ? 503 : 200, { status: stopping ? 'failing' : 'ok' });
  if (req.method === 'POST' && req.url === '/score') {
    return void score(req, res).catch((err: unknown) => reply(res, 500, { error: String(err) }));
  }
  reply(res, 404, { error: `no route for ${req.method} ${req.url}` });
});

server.listen(port, () => log('listening', { port }));
process.once('SIGTERM', () => {
  stopping = true;
  server.close(() => log('stopped'));
});
