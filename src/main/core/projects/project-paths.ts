import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FacesFile } from '../faces/faces-file';
import type { ImageTuple, PostsFile } from '../posts/posts-file';
import type { StoreCodec } from '../storage/json-store';

/**
 * Paths of files inside the project folder are stored relative to it (with "/"), so a project folder can be moved,
 * copied to another machine or zipped for publication and still find its images. Paths outside the folder (images
 * imported in place from elsewhere) stay absolute. In memory every path is absolute.
 */
export function toStoredPath(projectDir: string, path: string): string {
  if (!isAbsolute(path)) return path;
  const inside = relative(projectDir, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return path;
  return inside.split(sep).join('/');
}

export function fromStoredPath(projectDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(projectDir, path);
}

function mapImages(images: ImageTuple[][], map: (path: string) => string, inPlace: boolean): ImageTuple[][] {
  const out = inPlace ? images : images.slice();
  for (let row = 0; row < images.length; row++) {
    const tuples = images[row]!;
    let copy: ImageTuple[] | null = null;
    for (let k = 0; k < tuples.length; k++) {
      const path = tuples[k]![0];
      if (path === null) continue;
      const mapped = map(path);
      if (mapped === path) continue;
      if (inPlace) tuples[k]![0] = mapped;
      else {
        copy ??= tuples.slice();
        copy[k] = [mapped, ...tuples[k]!.slice(1)] as ImageTuple;
      }
    }
    if (copy) out[row] = copy;
  }
  return out;
}

function mapVideos(videos: Array<string[] | null>, map: (path: string) => string, inPlace: boolean): Array<string[] | null> {
  const out = inPlace ? videos : videos.slice();
  for (let row = 0; row < videos.length; row++) {
    const list = videos[row];
    if (!list || list.length === 0) continue;
    const mapped = list.map(map);
    if (mapped.some((path, k) => path !== list[k])) out[row] = mapped;
  }
  return out;
}

/** posts.json: image and video paths, and the import's origin files. */
export function postsPathCodec(projectDir: string): StoreCodec<PostsFile> {
  const store = (path: string) => toStoredPath(projectDir, path);
  const load = (path: string) => fromStoredPath(projectDir, path);
  return {
    encode: (file) => ({
      ...file,
      files: file.files.map(store),
      columns: { ...file.columns, images: mapImages(file.columns.images, store, false), videos: mapVideos(file.columns.videos, store, false) },
    }),
    decode: (file) => {
      file.files = file.files.map(load);
      mapImages(file.columns.images, load, true);
      mapVideos(file.columns.videos, load, true);
      return file;
    },
  };
}

/** faces.json: the image path each detection record was made from. */
export function facesPathCodec(projectDir: string): StoreCodec<FacesFile> {
  return {
    encode: (file) => ({ ...file, images: file.images.map((record) => (record.path === null ? record : { ...record, path: toStoredPath(projectDir, record.path) })) }),
    decode: (file) => {
      for (const record of file.images) if (record.path !== null) record.path = fromStoredPath(projectDir, record.path);
      return file;
    },
  };
}
