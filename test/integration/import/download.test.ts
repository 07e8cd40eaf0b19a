import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadAll, type DownloadItem, type DownloadOptions, type DownloadOutcome } from '../../../src/main/core/import/download/downloader';
import { AppFailure } from '../../../src/shared/result';
import { tempDir } from '../../support/temp';

type Handler = (request: IncomingMessage, response: ServerResponse, count: number) => void;

/** A local image host whose routes each test defines; it records what the downloader asked for. */
const routes = new Map<string, Handler>();
const seen = new Map<string, number[]>(); // path -> request start times (ms)
const userAgents: string[] = [];
let inFlight = 0;
let maxInFlight = 0;
let server: Server;
let base: string;
let jpeg: Buffer;
let png: Buffer;

const html = Buffer.from('<!doctype html><html><body>Please log in</body></html>');

function requestsTo(path: string): number {
  return seen.get(path)?.length ?? 0;
}

function sendImage(response: ServerResponse, body = jpeg, type = 'image/jpeg'): void {
  response.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
  response.end(body);
}

/** Runs `then` after `ms` unless the client went away first. */
function later(response: ServerResponse, ms: number, then: () => void): void {
  const timer = setTimeout(then, ms);
  response.on('close', () => clearTimeout(timer));
}

// Tests use perHostPerSecond: 0 and small backoffs unless they are about those settings.
const fast: DownloadOptions = { perHostPerSecond: 0, backoffMs: 10, timeoutMs: 2000 };

let dir: string;
let cleanup: () => Promise<void>;

async function download(paths: string[], options: DownloadOptions = {}) {
  const items: DownloadItem[] = paths.map((path, index) => ({ url: path.includes(':') ? path : `${base}${path}`, dest: join(dir, 'images', `${index}.jpg`) }));
  const outcomes = await downloadAll(items, { ...fast, ...options });
  return { items, outcomes: items.map((item) => outcomes.get(item)!) };
}

async function failure(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

beforeAll(async () => {
  jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).jpeg().toBuffer();
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer();
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const times = seen.get(path) ?? [];
    times.push(performance.now());
    seen.set(path, times);
    userAgents.push(request.headers['user-agent'] ?? '');
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on('close', () => inFlight--);
    const handler = routes.get(path);
    if (handler) handler(request, response, times.length);
    else response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  routes.clear();
  seen.clear();
  userAgents.length = 0;
  maxInFlight = 0;
});

afterEach(async () => {
  server.closeAllConnections();
  await cleanup();
});

describe('downloading URL images for a manifest', () => {
  it('writes each image in one piece, names itself, and reports progress', async () => {
    routes.set('/a.jpg', (_request, response) => sendImage(response));
    routes.set('/b.png', (_request, response) => sendImage(response, png, 'image/png; charset=binary'));
    const progress: [number, number, DownloadOutcome][] = [];
    const { items, outcomes } = await download(['/a.jpg', '/b.png'], { onProgress: (done, total, _item, outcome) => progress.push([done, total, outcome]) });
    expect(outcomes).toEqual([
      { status: 'downloaded', bytes: jpeg.length, contentType: 'image/jpeg' },
      { status: 'downloaded', bytes: png.length, contentType: 'image/png' },
    ]);
    expect(await readFile(items[0]!.dest)).toEqual(jpeg);
    expect(await readFile(items[1]!.dest)).toEqual(png);
    expect((await readdir(join(dir, 'images'))).sort()).toEqual(['0.jpg', '1.jpg']); // no .part left
    expect(progress.map(([done, total]) => [done, total])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(userAgents).toEqual(['SelfieLab/0.1 (research)', 'SelfieLab/0.1 (research)']);
  });

  it('follows redirects', async () => {
    routes.set('/moved', (_request, response) => response.writeHead(302, { Location: '/a.jpg' }).end());
    routes.set('/a.jpg', (_request, response) => sendImage(response));
    const { outcomes } = await download(['/moved']);
    expect(outcomes[0]).toMatchObject({ status: 'downloaded' });
    expect([requestsTo('/moved'), requestsTo('/a.jpg')]).toEqual([1, 1]);
  });

  it('gives up on a slow response after the timeout, retrying first', async () => {
    routes.set('/slow.jpg', (_request, response) => later(response, 3000, () => sendImage(response)));
    const started = performance.now();
    const { outcomes } = await download(['/slow.jpg'], { timeoutMs: 300, retries: 1 });
    expect(outcomes[0]).toMatchObject({ status: 'failed', attempts: 2 });
    expect((outcomes[0] as { reason: string }).reason).toMatch(/^timeout/);
    expect(requestsTo('/slow.jpg')).toBe(2);
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it('times out a body that stalls halfway', async () => {
    routes.set('/stall.jpg', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': jpeg.length });
      response.write(jpeg.subarray(0, 50)); // ... and nothing more
    });
    const { items, outcomes } = await download(['/stall.jpg'], { timeoutMs: 300, retries: 0 });
    expect(outcomes[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect((outcomes[0] as { reason: string }).reason).toMatch(/^timeout/);
    expect(existsSync(items[0]!.dest)).toBe(false);
    expect(existsSync(`${items[0]!.dest}.part`)).toBe(false);
  });

  it('does not retry a 404', async () => {
    const { outcomes } = await download(['/missing.jpg']);
    expect(outcomes[0]).toEqual({ status: 'failed', reason: 'HTTP 404', httpStatus: 404, attempts: 1 });
    expect(requestsTo('/missing.jpg')).toBe(1);
  });

  it('retries a 500 and succeeds', async () => {
    routes.set('/flaky.jpg', (_request, response, count) => (count === 1 ? response.writeHead(500).end('oops') : sendImage(response)));
    const { outcomes } = await download(['/flaky.jpg']);
    expect(outcomes[0]).toMatchObject({ status: 'downloaded' });
    expect(requestsTo('/flaky.jpg')).toBe(2);
  });

  it('waits as long as a 429 Retry-After says before retrying', async () => {
    routes.set('/busy.jpg', (_request, response, count) => (count === 1 ? response.writeHead(429, { 'Retry-After': '1' }).end() : sendImage(response)));
    const { outcomes } = await download(['/busy.jpg'], { backoffMs: 1 });
    expect(outcomes[0]).toMatchObject({ status: 'downloaded' });
    const [first, second] = seen.get('/busy.jpg')!;
    expect(second! - first!).toBeGreaterThan(900);
  });

  it('refuses pages that are not images, whatever their header says', async () => {
    routes.set('/login', (_request, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
    routes.set('/liar.jpg', (_request, response) => sendImage(response, html, 'image/jpeg'));
    const { outcomes } = await download(['/login', '/liar.jpg']);
    expect(outcomes[0]).toEqual({ status: 'failed', reason: 'not an image (text/html)', attempts: 1 });
    expect(outcomes[1]).toMatchObject({ status: 'failed', attempts: 1 });
    expect((outcomes[1] as { reason: string }).reason).toMatch(/^not an image \(image\/jpeg header/);
    expect([requestsTo('/login'), requestsTo('/liar.jpg')]).toEqual([1, 1]);
    expect(await readdir(join(dir, 'images'))).toEqual([]);
  });

  it('retries a body cut short, then reports it truncated', async () => {
    routes.set('/cut.jpg', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': jpeg.length });
      response.write(jpeg.subarray(0, 100), () => response.destroy());
    });
    // A JPEG whose Content-Length matches but which lacks its end marker counts as truncated too.
    routes.set('/no-end.jpg', (_request, response) => sendImage(response, jpeg.subarray(0, jpeg.length - 2)));
    const { items, outcomes } = await download(['/cut.jpg', '/no-end.jpg'], { retries: 2 });
    expect(outcomes).toEqual([
      { status: 'failed', reason: 'truncated', attempts: 3 },
      { status: 'failed', reason: 'truncated', attempts: 3 },
    ]);
    expect([requestsTo('/cut.jpg'), requestsTo('/no-end.jpg')]).toEqual([3, 3]);
    expect(existsSync(items[0]!.dest)).toBe(false);
  });

  it('refuses images over maxBytes, by Content-Length or while streaming', async () => {
    routes.set('/big.jpg', (_request, response) => sendImage(response));
    routes.set('/big-chunked.jpg', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'image/jpeg' }); // no Content-Length
      response.write(jpeg.subarray(0, 80));
      response.end(jpeg.subarray(80));
    });
    const { outcomes } = await download(['/big.jpg', '/big-chunked.jpg'], { maxBytes: 100 });
    expect(outcomes).toEqual([
      { status: 'failed', reason: 'too large (over 100 bytes)', attempts: 1 },
      { status: 'failed', reason: 'too large (over 100 bytes)', attempts: 1 },
    ]);
  });

  it('resumes: complete images are not fetched again, a leftover .part and a torn file are replaced', async () => {
    for (const name of ['/0.jpg', '/1.jpg', '/2.jpg']) routes.set(name, (_request, response) => sendImage(response));
    const first = await download(['/0.jpg', '/1.jpg']);
    expect(first.outcomes.map((outcome) => outcome.status)).toEqual(['downloaded', 'downloaded']);
    await writeFile(`${join(dir, 'images', '2.jpg')}.part`, 'half an image from a crashed run');
    await writeFile(join(dir, 'images', '1.jpg'), jpeg.subarray(0, 60)); // torn by something else
    const second = await download(['/0.jpg', '/1.jpg', '/2.jpg']);
    expect(second.outcomes.map((outcome) => outcome.status)).toEqual(['already-present', 'downloaded', 'downloaded']);
    expect([requestsTo('/0.jpg'), requestsTo('/1.jpg'), requestsTo('/2.jpg')]).toEqual([1, 2, 1]);
    expect((await readdir(join(dir, 'images'))).sort()).toEqual(['0.jpg', '1.jpg', '2.jpg']);
    const third = await download(['/0.jpg', '/1.jpg', '/2.jpg']);
    expect(third.outcomes.map((outcome) => outcome.status)).toEqual(['already-present', 'already-present', 'already-present']);
    expect([requestsTo('/0.jpg'), requestsTo('/1.jpg'), requestsTo('/2.jpg')]).toEqual([1, 2, 1]);
  });

  it('never runs more downloads at once than the concurrency', async () => {
    const paths = Array.from({ length: 9 }, (_, index) => `/slow-${index}.jpg`);
    for (const path of paths) routes.set(path, (_request, response) => later(response, 120, () => sendImage(response)));
    const { outcomes } = await download(paths, { concurrency: 3 });
    expect(outcomes.every((outcome) => outcome.status === 'downloaded')).toBe(true);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThan(1);
  });

  it('spaces requests to one host by the per-host rate limit', async () => {
    const paths = ['/r0.jpg', '/r1.jpg', '/r2.jpg', '/r3.jpg'];
    for (const path of paths) routes.set(path, (_request, response) => sendImage(response));
    await download(paths, { concurrency: 4, perHostPerSecond: 5 }); // one start every 200 ms
    const starts = paths.map((path) => seen.get(path)![0]!).sort((a, b) => a - b);
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThan(3 * 200 * 0.7);
  });

  it('stops on cancel, leaving no partial files behind', async () => {
    const paths = ['/c0.jpg', '/c1.jpg', '/c2.jpg'];
    for (const path of paths) {
      routes.set(path, (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': jpeg.length });
        response.write(jpeg.subarray(0, 40));
        later(response, 5000, () => response.end(jpeg.subarray(40)));
      });
    }
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = performance.now();
    const error = await failure(download(paths, { signal: controller.signal, concurrency: 2 }));
    expect(error.code).toBe('CANCELLED');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(await readdir(join(dir, 'images'))).toEqual([]);
    expect(requestsTo('/c2.jpg')).toBe(0);
  });

  it('refuses URLs that are not http(s) without asking anyone', async () => {
    const { outcomes } = await download(['ftp://127.0.0.1/a.jpg', 'file:///etc/passwd', 'not a url: at all']);
    expect(outcomes).toEqual(Array(3).fill({ status: 'failed', reason: 'unsupported URL', attempts: 0 }));
    expect(seen.size).toBe(0);
  });
});
