import { useEffect, useState } from 'react';
import { useApi } from '../../../api/api-context';
import { call } from '../../../api/api-error';

/**
 * Thumbnails of every image of one post (a carousel has several), as data: URLs; null where an image cannot be
 * read, undefined while loading. Answers for a post no longer shown are ignored.
 */
export function useDetailImages(row: number | null, imageCount: number): Array<string | null | undefined> {
  const api = useApi();
  const [loaded, setLoaded] = useState<{ row: number | null; images: Array<string | null> }>({ row: null, images: [] });

  useEffect(() => {
    if (row === null || imageCount === 0) return;
    let live = true;
    void Promise.all(
      Array.from({ length: imageCount }, async (_, image) => {
        const result = await api.posts.thumbnails({ rows: [row], image });
        return result.ok ? (call(result)[0] ?? null) : null;
      }),
    ).then((images) => {
      if (live) setLoaded({ row, images });
    });
    return () => {
      live = false;
    };
  }, [api, row, imageCount]);

  if (loaded.row !== row) return Array.from({ length: imageCount }, () => undefined);
  return loaded.images;
}
