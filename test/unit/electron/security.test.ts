import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyHeader, isAllowedRequestUrl, isExternalLink, isTrustedRendererUrl } from '../../../src/main/electron/security';
import { mainWindowOptions } from '../../../src/main/electron/window-options';

const packaged = { rendererFileUrl: 'file:///opt/selfie-lab/out/renderer/index.html' };
const dev = { ...packaged, devServerUrl: 'http://localhost:5173/' };

describe('Electron window and security rules', () => {
  it('creates the window isolated, sandboxed and without Node', () => {
    const options = mainWindowOptions('/opt/selfie-lab/out/preload/index.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/opt/selfie-lab/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('trusts only the app page as an API caller and navigation target', () => {
    expect(isTrustedRendererUrl('file:///opt/selfie-lab/out/renderer/index.html#/faces', packaged)).toBe(true);
    expect(isTrustedRendererUrl('file:///etc/passwd', packaged)).toBe(false);
    expect(isTrustedRendererUrl('https://evil.example/', packaged)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/#/labels', packaged)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/#/labels', dev)).toBe(true);
    expect(isTrustedRendererUrl('not a url', dev)).toBe(false);
  });

  it('blocks remote content', () => {
    expect(isAllowedRequestUrl('file:///opt/selfie-lab/out/renderer/assets/index.js', packaged)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', packaged)).toBe(true);
    expect(isAllowedRequestUrl('https://cdn.example/lib.js', packaged)).toBe(false);
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:8080/', dev)).toBe(false);
  });

  it('opens only http(s) links externally', () => {
    expect(isExternalLink('https://arxiv.org/')).toBe(true);
    expect(isExternalLink('file:///etc/passwd')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
  });

  it('uses one strict CSP: the header equals the meta tag of the renderer page', () => {
    const html = readFileSync(new URL('../../../src/renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicyHeader).toBe(`${contentSecurityPolicy}; frame-ancestors 'none'`);
  });
});
