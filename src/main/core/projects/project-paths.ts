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
  // A prefix test first: path.relative normalises both sides and costs ~5 µs, which is seconds over 500k images.
  const prefix = projectDir.endsWith(sep) ? projectDir : projectDir + sep;
  if (path.startsWith(prefix) && !path.includes(`${sep}..`) && !path.includes(`${sep}.${sep}`)) {
    const inside = path.slice(prefix.length);
    return sep === '/' ? inside : inside.split(sep).join('/');
  }
  if (!isAbsolute(path)) return path;
  const inside = relative(projectDir, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return path;
  return inside.split(sep).join('/');
}

const windowsAbsolute = /^(?:[A-Za-z]:[\\/]|[\\/]{2})/;

export function fromStoredPath(projectDir: string, path: string): string {
  if (path.startsWith('/') || windowsAbsolute.test(path)) return path;
  // What this module writes is already normal ("images/a.jpg"); only a hand-edited path needs resolving.
  if (!path.includes('..') && !path.startsWith('./') && !path.includes('\\')) {
    const joined = `${projectDir.endsWith(sep) ? projectDir : projectDir + sep}${path}`;
    return sep === '/' ? joined : joined.split('/').join(sep);
  }
  return isAbsolute(path) ? path : resolve(projectDir, path);
}

/**
 * Runs `write` with every path of the posts file in its stored form, changing the tuples in place and putting them
 * back after (synchronously, so nothing else sees the stored form). Copying 500k tuples instead costs ~1 s a write.
 */
function withStoredPaths<R>(file: PostsFile, store: (path: string) => string, write: () => R): R {
  const changed: Array<[ImageTuple, string]> = [];
  const changedVideos: Array<[string[], number, string]> = [];
  const files = file.files;
  try {
    for (const tuples of file.columns.images) {
      for (const tuple of tuples) {
        const path = tuple[0];
        if (path === null) continue;
        const stored = store(path);
        if (stored !== path) {
          changed.push([tuple, path]);
          tuple[0] = stored;
        }
      }
    }
    for (const list of file.columns.videos) {
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const stored = store(list[k]!);
        if (stored !== list[k]) {
          changedVideos.push([list, k, list[k]!]);
          list[k] = stored;
        }
      }
    }
    file.files = files.map(store);
    return write();
  } finally {
    for (const [tuple, path] of changed) tuple[0] = path;
    for (const [list, k, path] of changedVideos) list[k] = path;
    file.files = files;
  }
}

/** posts.json: image and video paths, and the import's origin files. */
export function postsPathCodec(projectDir: string): StoreCodec<PostsFile> {
  const store = (path: string) => toStoredPath(projectDir, path);
  const load = (path: string) => fromStoredPath(projectDir, path);
  return {
    serialize: (file, stringify) => withStoredPaths(file, store, () => stringify(file)),
    decode: (file) => {
      file.files = file.files.map(load);
      for (const tuples of file.columns.images) {
        for (const tuple of tuples) if (tuple[0] !== null) tuple[0] = load(tuple[0]);
      }
      for (const list of file.columns.videos) {
        if (list) for (let k = 0; k < list.length; k++) list[k] = load(list[k]!);
      }
      return file;
    },
  };
}

/** faces.json: the image path each detection record was made from. */
export function facesPathCodec(projectDir: string): StoreCodec<FacesFile> {
  return {
    serialize: (file, stringify) =>
      stringify({ ...file, images: file.images.map((record) => (record.path === null ? record : { ...record, path: toStoredPath(projectDir, record.path) })) }),
    decode: (file) => {
      for (const record of file.images) if (record.path !== null) record.path = fromStoredPath(projectDir, record.path);
      return file;
    },
  };
}
