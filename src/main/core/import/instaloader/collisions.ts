/**
 * Two posts in the same second share a stem under the default `{date_utc}_UTC` pattern: Instaloader keeps the
 * first image (it never overwrites one), overwrites the JSON with the second post's and renames the first caption
 * to `<stem>_old_01.txt`. So the image may show a different post than the metadata says. An importer cannot undo
 * that; it reports it (FORMATS.md §1).
 */
import { basename } from 'node:path';
import type { SourceEvent } from '../../../../shared/posts/imported-post';
import type { TargetFolder } from './folder-scan';

const defaultStem = /^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}(_UTC)?$/;

export function oldCaptionCollisions(folder: TargetFolder): SourceEvent[] {
  if (folder.collisionFiles.length === 0) return [];
  const metadataByStem = new Map(folder.metadata.map((file) => [file.stem, file]));
  return folder.collisionFiles.map(({ path, stem }) => {
    const metadata = metadataByStem.get(stem);
    const images = (folder.mediaByStem.get(stem) ?? []).filter((file) => file.type === 'image').map((file) => basename(file.path));
    const pair = metadata && images.length > 0 ? `the image ${images.join(', ')} may belong to a different post than ${basename(metadata.path)}` : 'its files may mix two posts';
    const message =
      `${basename(path)}: two posts were saved under the same name ${stem} (posted in the same second, or a caption ` +
      `changed between two downloads): ${pair}. Check these files, or download with --filename-pattern={date_utc}_UTC_{shortcode}.`;
    return { type: 'problem', problem: { severity: 'warning', code: 'COLLISION', file: path, message } } satisfies SourceEvent;
  });
}

/**
 * When a folder's files are named after their post's shortcode (a custom pattern with {shortcode}), a metadata
 * file whose name lacks its own shortcode holds another post than its name says. The pattern is inferred from the
 * folder: at least one post, and at least as many as the ones that disagree, carry their shortcode in the name
 * (a random 11-character shortcode does not turn up in a date by chance).
 */
export class ShortcodeNamingCheck {
  private named = 0;
  private mismatches: { file: string; stem: string; shortcode: string }[] = [];
  private mismatchCount = 0;
  /** Only this many mismatches are kept to be reported; folders named otherwise have one per post. */
  private static readonly keep = 1000;

  record(entry: { file: string; stem: string; shortcode: string }): void {
    if (entry.stem.includes(entry.shortcode)) {
      this.named++;
      return;
    }
    // A plain default name carries no shortcode to disagree with (e.g. an earlier run without {shortcode}).
    if (defaultStem.test(entry.stem)) return;
    this.mismatchCount++;
    if (this.mismatches.length < ShortcodeNamingCheck.keep) this.mismatches.push(entry);
  }

  problems(): SourceEvent[] {
    if (this.named === 0 || this.named < this.mismatchCount) return [];
    return this.mismatches.map(({ file, stem, shortcode }) => {
      const message =
        `${basename(file)} holds post ${shortcode}, but its name does not contain that shortcode although ${this.named} ` +
        `other file(s) in this folder are named after theirs: the image ${stem}.* may belong to a different post than the JSON.`;
      return { type: 'problem', problem: { severity: 'warning', code: 'COLLISION', file, message } } satisfies SourceEvent;
    });
  }
}
