/** Security rules of the Electron shell, as pure functions so they are tested without the Electron binary. */
export { contentSecurityPolicy, contentSecurityPolicyHeader } from '../../shared/csp';

export interface RendererLocation {
  /** file:// URL of the built renderer's index.html. */
  rendererFileUrl: string;
  /** The electron-vite dev server (development only). */
  devServerUrl?: string;
}

/** Is this the app's own page (the only sender allowed to call the API, the only place navigation may go)? */
export function isTrustedRendererUrl(url: string, location: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') {
    const expected = new URL(location.rendererFileUrl);
    return parsed.pathname === expected.pathname;
  }
  if (location.devServerUrl) {
    return parsed.origin === new URL(location.devServerUrl).origin;
  }
  return false;
}

/** Which requests the page may make: its own files and the dev server, nothing remote. */
export function isAllowedRequestUrl(url: string, location: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (['file:', 'data:', 'blob:', 'devtools:', 'chrome-extension:'].includes(parsed.protocol)) return true;
  if (location.devServerUrl) {
    const dev = new URL(location.devServerUrl);
    return parsed.hostname === dev.hostname && parsed.port === dev.port;
  }
  return false;
}

/** http(s) links a user clicks open in their browser, never inside the app. */
export function isExternalLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
