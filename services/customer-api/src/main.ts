/**
 * customer-api: stores and serves customer records over HTTP. Run: node main.js (PORT).
 * Imports nothing outside this folder and node:* — its pin moves only when its own files change.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { validateCustomer, type Customer } from './customer';

const port = Number(process.env.PORT ?? 8080);
const customers = new Map<string, Customer>();
let stopping = false;

function log(msg: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ ...fields, time: new Date().toISOString(), service: 'customer-api', msg })}\n`);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function upsert(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    body = undefined;
  }
  const result = validateCustomer(body);
  if (!result.ok) return reply(res, 400, { errors: result.errors });
  const created = !customers.has(result.customer.id);
  customers.set(result.customer.id, result.customer);
  reply(res, created ? 201 : 200, result.customer);
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const id = /^\/customers\/([^/]+)$/.exec(req.url ?? '')?.[1];
  if (req.url === '/healthz') return reply(res, stopping ? 503 : 200, { status: stopping ? 'failing' : 'ok' });
  if (req.method === 'PUT' && req.url === '/customers') {
    return void upsert(req, res).catch((err: unknown) => reply(res, 500, { error: String(err) }));
  }
  if (req.method === 'GET' && id !== undefined) {
    const customer = customers.get(decodeURIComponent(id));
    return customer ? reply(res, 200, customer) : reply(res, 404, { error: `no customer '${id}'` });
  }
  reply(res, 404, { error: `no route for ${req.method} ${req.url}` });
}

const server = createServer(route);
server.listen(port, () => log('listening', { port }));
process.once('SIGTERM', () => {
  stopping = true;
  server.close(() => log('stopped'));
});
