import { useState, type DragEvent } from 'react';

export const browserDropMessage =
  'Dropped files cannot be imported by path in browser mode: the page never learns where they lie. Type the path instead ' +
  '(a path on the machine running selfie-lab serve).';

export interface DropImport {
  /** A file drag is over the zone. */
  dragging: boolean;
  /** Why a drop did nothing (browser mode), until the next drag. */
  message: string | null;
  dismissMessage(): void;
  zoneProps: {
    onDragEnter(event: DragEvent): void;
    onDragOver(event: DragEvent): void;
    onDragLeave(event: DragEvent): void;
    onDrop(event: DragEvent): void;
  };
}

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

/**
 * Drop folders and manifests on the page to import them. Only the desktop app can: its preload turns a dropped File
 * into a path (`window.api.pathForFile`); a browser never reveals paths, so browser mode explains that instead.
 */
export function useDropImport(onPaths: (paths: string[]) => void): DropImport {
  const [dragging, setDragging] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const over = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  return {
    dragging,
    message,
    dismissMessage: () => setMessage(null),
    zoneProps: {
      onDragEnter: over,
      onDragOver: over,
      onDragLeave: (event) => {
        // Leaving for a child element is not leaving the zone.
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        setDragging(false);
      },
      onDrop: (event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        const pathForFile = window.api?.pathForFile;
        if (!pathForFile) {
          setMessage(browserDropMessage);
          return;
        }
        const paths = Array.from(event.dataTransfer.files)
          .map((file) => pathForFile(file))
          .filter((path) => path.length > 0);
        setMessage(paths.length > 0 ? null : 'Nothing to import: the dropped items have no path on disk.');
        if (paths.length > 0) onPaths(paths);
      },
    },
  };
}
