import type { Api } from '../../shared/api/client';

declare global {
  interface Window {
    /**
     * Defined by the Electron preload; undefined in browser mode, where main.tsx builds it over HTTP.
     * The preload adds `pathForFile` (Electron's webUtils.getPathForFile) so dropped files can be imported by path;
     * browser mode has no such thing, since a page never learns where a dropped file lies.
     */
    api?: Api & { pathForFile?: (file: File) => string };
  }
}

export {};
