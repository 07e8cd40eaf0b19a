import { useEffect, useRef, useState } from 'react';
import type { BatchCache } from './batch-cache';

/**
 * A set of batch caches made once per component and emptied together whenever `version` changes (the data behind
 * them was reloaded: row or image indices may now mean other posts).
 */
export function useVersionedCaches<Caches extends { [K in keyof Caches]: Pick<BatchCache<unknown>, 'reset'> }>(create: () => Caches, version: number): Caches {
  const [caches] = useState<Caches>(create);
  const loadedVersion = useRef(version);
  useEffect(() => {
    if (loadedVersion.current === version) return;
    loadedVersion.current = version;
    for (const cache of Object.values(caches) as Array<Pick<BatchCache<unknown>, 'reset'>>) cache.reset();
  }, [caches, version]);
  return caches;
}
