/**
 * Browser mode is guarded by a random token handed out in the URL (as Jupyter does). We keep it for this tab in
 * sessionStorage and take it out of the address bar, so it does not end up in screenshots or shared links.
 */
export const tokenStorageKey = 'selfie-lab-token';

export function takeTokenFromLocation(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      window.sessionStorage.setItem(tokenStorageKey, fromUrl);
    } catch {
      // Storage can be disabled; the token then lives only in memory for this page load.
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(tokenStorageKey) ?? '';
  } catch {
    return '';
  }
}
