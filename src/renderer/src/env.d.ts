import type { Api } from '../../shared/api/client';

declare global {
  interface Window {
    /** Defined by the Electron preload; undefined in browser mode, where main.tsx builds it over HTTP. */
    api?: Api;
  }
}

export {};
