/**
 * The bare baseline for delivery: a minimal `ws` server with no database, no auth and no event
 * log. A customer POSTs a message; it is framed like the panel's `message.created` event and sent
 * to the same sockets the panel would send it to (every agent socket and the sender's own), then
 * acknowledged. Run as a child process, like the panel, by bench/realtime-load.ts.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const agents = new Set<WebSocket>();
const customers = new Map<string, WebSocket>();
let seq = 0;

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://relay');
  if (req.method === 'GET' && url.pathname === '/ready') return void res.writeHead(200).end('ok');
  if (req.method !== 'POST' || url.pathname !== '/send') return void res.writeHead(404).end();
  const customer = url.searchParams.get('customer') ?? '';
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const { text } = JSON.parse(body) as { text: string };
    const message = {
      id: randomUUID(),
      conversationId: customer,
      seq: ++seq,
      clientMessageId: null,
      authorKind: 'customer',
      authorId: customer,
      authorName: 'Load Customer',
      text,
      attachments: [],
      createdAt: new Date().toISOString(),
    };
    const frame = JSON.stringify({ kind: 'event', event: { seq, at: message.createdAt, type: 'message.created', message } });
    for (const socket of agents) socket.send(frame);
    customers.get(customer)?.send(frame);
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ message, created: true }));
  });
});

const wss = new WebSocketServer({ server, path: '/ws' });
wss.on('connection', (socket, req) => {
  const customer = new URL(req.url ?? '/', 'http://relay').searchParams.get('customer');
  if (customer === null) {
    agents.add(socket);
    socket.on('close', () => agents.delete(socket));
  } else {
    customers.set(customer, socket);
    socket.on('close', () => customers.delete(customer));
  }
});

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
