import { open, type FileHandle } from 'node:fs/promises';
import { get as httpGet, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { AppFailure } from '../../../../shared/result';
import { HeadTail, headLength, imageTypes, isCompleteImage, sniffImageType, type ImageType } from './image-bytes';

/**
 * One download attempt: GET (following redirects), check status, type and size, stream the body to a `.part`
 * file and verify it is a whole image. The caller decides about retries from `retryable`, and renames the part
 * file into place on success. An aborted signal throws AppFailure CANCELLED.
 */

export type AttemptResult =
  | { ok: true; bytes: number; contentType: ImageType }
  | { ok: false; reason: string; retryable: boolean; httpStatus?: number; retryAfterMs?: number };

export interface AttemptContext {
  /** Limit for one HTTP request, from sending it to the last body byte (a stalled or trickling body times out). */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  signal?: AbortSignal;
  /** Awaited before every request, redirects included: the per-host rate limit. */
  beforeRequest(url: URL): Promise<void>;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
/** Non-standard names servers use for JPEG. */
const typeAliases: Record<string, ImageType> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };
/** Types that say nothing: the body's magic bytes decide. */
const neutralTypes = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

export function isDownloadableUrl(url: string): URL | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
}

export async function attemptDownload(url: URL, partFile: string, context: AttemptContext): Promise<AttemptResult> {
  let current = url;
  for (let hop = 0; ; hop++) {
    await context.beforeRequest(current);
    const result = await requestOnce(current, partFile, context);
    if (!('redirect' in result)) return result;
    if (hop >= context.maxRedirects) return { ok: false, reason: `too many redirects (more than ${context.maxRedirects})`, retryable: false };
    const next = isDownloadableUrl(result.redirect);
    if (!next) return { ok: false, reason: `unsupported URL (redirected to ${result.redirect})`, retryable: false };
    current = next;
  }
}

async function requestOnce(url: URL, partFile: string, context: AttemptContext): Promise<AttemptResult | { redirect: string }> {
  const controller = new AbortController();
  let timedOut = false;
  let response: IncomingMessage | undefined;
  let handle: FileHandle | undefined;
  let phase: 'request' | 'body' = 'request';
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, context.timeoutMs);
  const onCancel = () => controller.abort();
  context.signal?.addEventListener('abort', onCancel, { once: true });
  // Destroying the request does not always end an async iteration over its response; destroy both.
  controller.signal.addEventListener('abort', () => response?.destroy(new Error('aborted')), { once: true });

  try {
    if (context.signal?.aborted) throw cancelled();
    response = await new Promise<IncomingMessage>((resolve, reject) => {
      const get = url.protocol === 'https:' ? httpsGet : httpGet;
      const request = get(url, { headers: { 'User-Agent': context.userAgent, Accept: 'image/*' }, signal: controller.signal }, resolve);
      request.on('error', reject);
    });
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (redirectStatuses.has(status) && location) {
      response.destroy();
      return { redirect: new URL(location, url).href };
    }
    if (status < 200 || status >= 300) {
      response.destroy();
      return httpFailure(status, response.headers);
    }

    const declared = mediaType(response.headers['content-type']);
    const declaredImage = imageTypes.includes(declared as ImageType) ? (declared as ImageType) : typeAliases[declared];
    if (!declaredImage && !neutralTypes.has(declared)) {
      response.destroy();
      return { ok: false, reason: `not an image (${declared})`, retryable: false };
    }
    const lengthHeader = response.headers['content-length'];
    const declaredLength = lengthHeader !== undefined && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
    if (declaredLength !== undefined && declaredLength > context.maxBytes) {
      response.destroy();
      return tooLarge(context.maxBytes);
    }

    phase = 'body';
    handle = await open(partFile, 'w');
    const bytes = new HeadTail();
    let sniffed: ImageType | null = null;
    for await (const chunk of response as AsyncIterable<Buffer>) {
      bytes.add(chunk);
      if (bytes.size > context.maxBytes) return tooLarge(context.maxBytes);
      if (sniffed === null && bytes.size >= headLength) {
        sniffed = sniffImageType(bytes.headBytes);
        if (sniffed === null) return notAnImage(declared);
      }
      await handle.write(chunk);
    }
    sniffed ??= sniffImageType(bytes.headBytes);
    if (sniffed === null) return bytes.size === 0 ? { ok: false, reason: 'not an image (empty body)', retryable: false } : notAnImage(declared);
    if (declaredLength !== undefined && bytes.size < declaredLength) return truncated();
    if (!isCompleteImage(sniffed, bytes.headBytes, bytes.tailBytes, bytes.size)) return truncated();
    return { ok: true, bytes: bytes.size, contentType: sniffed };
  } catch (error) {
    if (context.signal?.aborted) throw cancelled();
    if (timedOut) return { ok: false, reason: `timeout (no complete response within ${context.timeoutMs} ms)`, retryable: true };
    if (phase === 'body') return truncated();
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: `network error (${code ?? (error as Error).message})`, retryable: true };
  } finally {
    clearTimeout(timer);
    context.signal?.removeEventListener('abort', onCancel);
    if (response && !response.complete) response.destroy();
    await handle?.close();
  }
}

function cancelled(): AppFailure {
  return new AppFailure('CANCELLED', 'Cancelled.');
}

function tooLarge(maxBytes: number): AttemptResult {
  return { ok: false, reason: `too large (over ${maxBytes} bytes)`, retryable: false };
}

function truncated(): AttemptResult {
  return { ok: false, reason: 'truncated', retryable: true };
}

function notAnImage(declared: string): AttemptResult {
  const what = declared === '' ? 'no content type' : declared;
  return { ok: false, reason: `not an image (${what} header, but the body is not an image)`, retryable: false };
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

function httpFailure(status: number, headers: IncomingHttpHeaders): AttemptResult {
  const retryable = status === 408 || status === 429 || status >= 500;
  const failure: AttemptResult = { ok: false, reason: `HTTP ${status}`, retryable, httpStatus: status };
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(headers['retry-after']);
    if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
  }
  return failure;
}

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
