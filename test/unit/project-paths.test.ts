import { describe, expect, it } from 'vitest';
import { facesPathCodec, fromStoredPath, postsPathCodec, toStoredPath } from '../../src/main/core/projects/project-paths';
import { emptyPostsFile } from '../../src/main/core/posts/posts-file';
import type { FacesFile } from '../../src/main/core/faces/faces-file';

describe('paths stored relative to the project folder', () => {
  it('stores paths inside the folder relative, others as they are, and reads both back absolute', () => {
    expect(toStoredPath('/data/study', '/data/study/images/a.jpg')).toBe('images/a.jpg');
    expect(toStoredPath('/data/study', '/data/study-2/a.jpg')).toBe('/data/study-2/a.jpg');
    expect(toStoredPath('/data/study', '/data/other/a.jpg')).toBe('/data/other/a.jpg');
    expect(toStoredPath('/data/study', '/data/study')).toBe('/data/study');
    expect(fromStoredPath('/moved/here', 'images/a.jpg')).toBe('/moved/here/images/a.jpg');
    expect(fromStoredPath('/moved/here', '/data/other/a.jpg')).toBe('/data/other/a.jpg');
  });

  it('writes faces.json records with stored paths without touching the records in memory', () => {
    const codec = facesPathCodec('/p');
    const record = { postId: '1', imageIndex: 0, path: '/p/source/x.jpg' } as unknown as FacesFile['images'][number];
    const file = { format: 'selfie-lab/faces-v1', images: [record, { ...record, postId: '2', path: null }] } as unknown as FacesFile;
    const encoded = JSON.parse(codec.serialize(file, (value) => JSON.stringify(value))) as FacesFile;
    expect(encoded.images.map((r) => r.path)).toEqual(['source/x.jpg', null]);
    expect(record.path).toBe('/p/source/x.jpg');
    const decoded = codec.decode(encoded);
    expect(decoded.images.map((r) => r.path)).toEqual(['/p/source/x.jpg', null]);
  });

  it('writes posts.json with stored paths and leaves the table in memory absolute', () => {
    const codec = postsPathCodec('/p');
    const file = emptyPostsFile();
    file.files.push('/p/source/day0.csv', '/elsewhere/day7.csv');
    file.columns.images.push([['/p/images/a.jpg', 'https://x/a.jpg', 0, 0, null, null, 1, 1, null], [null, 'https://x/b.jpg', 1, 0, null, null, null, null, 'not downloaded']]);
    file.columns.videos.push(['/p/videos/a.mp4']);
    const before = structuredClone(file);
    const text = codec.serialize(file, (value) => JSON.stringify(value));
    expect(file).toEqual(before);
    const stored = JSON.parse(text) as typeof file;
    expect(stored.files).toEqual(['source/day0.csv', '/elsewhere/day7.csv']);
    expect(stored.columns.images[0]!.map((tuple) => tuple[0])).toEqual(['images/a.jpg', null]);
    expect(stored.columns.videos[0]).toEqual(['videos/a.mp4']);
    expect(codec.decode(stored)).toEqual(before);
  });
});
