/** payments-api: accepts payment requests over HTTP. Run: node main.js (PORT, LOG_LEVEL). */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createLogger, healthHandler, parseLogLevel, stopSignal } from '@acme/runtime';
import { formatAmount, parsePayment } from './payment';

const log = createLogger({ service: 'payments-api', level: parseLogLevel(process.env.LOG_LEVEL) });
const port = Number(process.env.PORT ?? 8080);
const stopping = stopSignal();
const health = healthHandler({ accepting: () => !stopping.aborted });

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

async function createPayment(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const parsed = parsePayment(await readJson(req));
  if (!parsed.ok) return reply(res, 400, { errors: parsed.errors });
  const { payment } = parsed;
  const id = randomUUID();
  log.info('payment accepted', { id, reference: payment.reference, amount: formatAmount(payment.amount, payment.currency) });
  reply(res, 201, { id, status: 'accepted', ...payment });
}

const server = createServer((req, res) => {
  const handled =
    req.url === '/healthz' ? health(req, res)
    : req.method === 'POST' && req.url === '/payments' ? createPayment(req, res)
    : Promise.resolve(reply(res, 404, { error: `no route for ${req.method} ${req.url}` }));
  handled.catch((err: unknown) => {
    log.error('request failed', { error: String(err) });
    if (!res.headersSent) reply(res, 500, { error: 'internal error' });
  });
});

server.listen(port, () => log.info('listening', { port, environment: process.env.ELEVENTH_ENVIRONMENT }));
stopping.addEventListener('abort', () => server.close(() => log.info('stopped')));
