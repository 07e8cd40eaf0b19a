import { describe, expect, it } from 'vitest';
import { facesPathCodec, fromStoredPath, toStoredPath } from '../../src/main/core/projects/project-paths';
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

  it('encodes faces.json records without touching the records in memory', () => {
    const codec = facesPathCodec('/p');
    const record = { postId: '1', imageIndex: 0, path: '/p/source/x.jpg' } as unknown as FacesFile['images'][number];
    const file = { format: 'selfie-lab/faces-v1', images: [record, { ...record, postId: '2', path: null }] } as unknown as FacesFile;
    const encoded = codec.encode(file);
    expect(encoded.images.map((r) => r.path)).toEqual(['source/x.jpg', null]);
    expect(record.path).toBe('/p/source/x.jpg');
    const decoded = codec.decode(structuredClone(encoded));
    expect(decoded.images.map((r) => r.path)).toEqual(['/p/source/x.jpg', null]);
  });
});
