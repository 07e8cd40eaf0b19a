/**
 * A post's image and video files, in carousel order, with each image's kind. A video is never an image:
 * its `.jpg` thumbnail stands in for it (kind 'video-thumbnail') and the `.mp4` is only recorded.
 */
import type { ImportedImage } from '../../../../shared/posts/imported-post';
import type { MediaFile } from './folder-scan';

export interface PostVideoHints {
  /** A GraphSidecar's children are told apart by `videoChildren`; a single post by `isVideo`. */
  typename?: string;
  isVideo: boolean;
  /** 1-based carousel positions whose child is a video. */
  videoChildren: readonly number[];
}

export function mediaForPost(files: readonly MediaFile[], hints: PostVideoHints): { images: ImportedImage[]; videos: string[] } {
  const ordered = [...files].sort(
    (a, b) => a.index - b.index || Number(a.carouselChild) - Number(b.carouselChild) || (a.path < b.path ? -1 : 1),
  );
  const position = (file: MediaFile) => `${file.carouselChild ? 'child' : 'main'}:${file.index}`;
  const withVideo = new Set(ordered.filter((file) => file.type === 'video').map(position));
  const isCarousel = hints.typename === 'GraphSidecar';

  const images: ImportedImage[] = [];
  for (const file of ordered) {
    if (file.type !== 'image') continue;
    // A thumbnail when its video lies beside it, or when the metadata says a video stood here (--no-videos).
    const isThumbnail =
      withVideo.has(position(file)) ||
      (file.carouselChild ? isCarousel && hints.videoChildren.includes(file.index) : !isCarousel && hints.isVideo);
    images.push({ path: file.path, index: file.index, kind: isThumbnail ? 'video-thumbnail' : 'image' });
  }
  const videos = ordered.filter((file) => file.type === 'video').map((file) => file.path);
  return { images, videos };
}
