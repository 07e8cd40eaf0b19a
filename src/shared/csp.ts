/**
 * The renderer's Content Security Policy: nothing remote, no inline scripts, no eval. The renderer's index.html
 * carries it as a <meta> tag (test/unit/electron/security.test.ts keeps them equal); the Electron shell and the
 * browser-mode server also send it as a header, with frame-ancestors, which only works as a header.
 */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'";

export const contentSecurityPolicyHeader = `${contentSecurityPolicy}; frame-ancestors 'none'`;
