import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { contentSecurityPolicyHeader } from '../../../shared/csp';
import { err, type Result } from '../../../shared/result';
import type { Workbench } from '../workbench';

/**
 * Browser mode (DESIGN.md "three shells"): serves the built renderer and the API over HTTP + WebSocket.
 * Bound to 127.0.0.1 by default; every request must carry the random token (URL ?token=, which also sets a
 * cookie for the page's own assets, or the X-Selfie-Lab-Token header); the WebSocket refuses foreign Origins.
 */
export interface BrowserServerOptions {
  workbench: Workbench;
  rendererDir: string;
  host?: string;
  port?: number;
  /** Fixed token (tests); random otherwise. */
  token?: string;
}

export interface BrowserServer {
  url: string;
  origin: string;
  token: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

const tokenCookie = 'selfie_lab_token';
const tokenHeader = 'x-selfie-lab-token';
const maxBodyBytes = 10 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('hex');
  const rendererDir = resolve(options.rendererDir);
  const sockets = new Set<WebSocket>();
  let allowedOrigins = new Set<string>();

  const server = createServer((request, response) => {
    handleHttp(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, err('INTERNAL', (error as Error).message));
      else response.destroy();
    });
  });

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const queryToken = url.searchParams.get('token');
    if (!isAuthorised(request, queryToken, token)) {
      sendJson(response, 401, err('UNAUTHORIZED', 'Missing or wrong token. Open the URL that `selfie-lab serve` printed (it ends in ?token=…).'));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      await handleApi(request, response, decodeURIComponent(url.pathname.slice('/api/'.length)));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, err('INVALID_INPUT', `${request.method} is not allowed here.`));
      return;
    }
    // A valid ?token= in the page URL sets a cookie so the page's scripts and styles load without it.
    const cookie =
      queryToken !== null ? `${tokenCookie}=${token}; Path=/; HttpOnly; SameSite=Strict` : undefined;
    await serveStatic(url.pathname, response, cookie);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') {
      sendJson(response, 405, err('INVALID_INPUT', 'API calls are POST requests with a JSON body {"input": ...}.'));
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      sendJson(response, 403, err('UNAUTHORIZED', `Requests from ${origin} are not allowed.`));
      return;
    }
    let body: unknown;
    try {
      body = await readJsonBody(request);
    } catch (error) {
      const tooLarge = (error as Error).message === 'too large';
      sendJson(response, tooLarge ? 413 : 400, err('INVALID_INPUT', tooLarge ? 'Request body over 10 MB.' : `The request body is not JSON: ${(error as Error).message}`));
      return;
    }
    const input = typeof body === 'object' && body !== null && 'input' in body ? (body as { input: unknown }).input : undefined;
    // Application errors are data (200 with ok:false); HTTP statuses are kept for transport-level problems.
    const result = await options.workbench.dispatch(method, input);
    sendJson(response, result.ok ? 200 : statusFor(result), result);
  }

  async function serveStatic(pathname: string, response: ServerResponse, cookie: string | undefined): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(rendererDir, relative);
    if (file !== rendererDir && !file.startsWith(rendererDir + sep)) {
      sendJson(response, 404, err('INVALID_INPUT', 'Not found.'));
      return;
    }
    let info = await stat(file).catch(() => null);
    if (!info || info.isDirectory()) {
      // Single-page app: unknown paths without an extension get index.html.
      if (extname(relative) !== '' && !info?.isDirectory()) {
        sendJson(response, 404, err('INVALID_INPUT', `Not found: ${pathname}`));
        return;
      }
      file = join(rendererDir, 'index.html');
      info = await stat(file).catch(() => null);
      if (!info) {
        sendJson(response, 500, err('INTERNAL', `The renderer is not built (${file} is missing). Run: npm run build`));
        return;
      }
    }
    const headers: Record<string, string> = {
      ...securityHeaders,
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
    };
    if (extname(file) === '.html') headers['Content-Security-Policy'] = contentSecurityPolicyHeader;
    if (cookie) headers['Set-Cookie'] = cookie;
    response.writeHead(200, headers);
    response.end(await readFile(file));
  }

  const sockets$ = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== '/events') return refuse(404, 'Not Found');
    if (!isAuthorised(request, url.searchParams.get('token'), token)) return refuse(401, 'Unauthorized');
    if (!allowedOrigins.has(request.headers.origin ?? '')) return refuse(403, 'Forbidden');
    sockets$.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => sockets.delete(ws));
    });
  });

  const unsubscribe = options.workbench.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(message);
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const origin = `http://${urlHost}:${port}`;
  allowedOrigins = new Set([origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`]);

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    host,
    close: () => closeServer(server, sockets$, sockets, unsubscribe),
  };
}

function isAuthorised(request: IncomingMessage, queryToken: string | null, token: string): boolean {
  const header = request.headers[tokenHeader];
  const candidates = [queryToken, typeof header === 'string' ? header : null, readCookie(request, tokenCookie)];
  return candidates.some((candidate) => candidate !== null && safeEqual(candidate, token));
}

function readCookie(request: IncomingMessage, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function statusFor(result: Result<unknown>): number {
  if (result.ok) return 200;
  if (result.error.code === 'UNKNOWN_METHOD') return 404;
  if (result.error.code === 'UNAUTHORIZED') return 401;
  return 200;
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? {} : JSON.parse(text);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

async function closeServer(server: Server, wss: WebSocketServer, sockets: Set<WebSocket>, unsubscribe: () => void) {
  unsubscribe();
  for (const ws of sockets) ws.terminate();
  await new Promise<void>((resolvePromise) => wss.close(() => resolvePromise()));
  server.closeAllConnections();
  await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
}
