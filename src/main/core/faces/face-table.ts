import type { FaceImageRecord, FaceOverride } from '../../../shared/faces/face-types';
import { imageKey, type FaceOverridesFile, type FacesFile } from './faces-file';

/**
 * The detection records of faces.json, looked up by (post id, image index), and the overrides of
 * face-overrides.json. Changes are made in memory; the caller saves the stores.
 */
export class FaceTable {
  private index: Map<string, number> | null = null;

  constructor(
    readonly file: FacesFile,
    readonly overridesFile: FaceOverridesFile,
  ) {}

  get size(): number {
    return this.file.images.length;
  }

  get(postId: string, imageIndex: number): FaceImageRecord | undefined {
    const position = this.keys().get(imageKey(postId, imageIndex));
    return position === undefined ? undefined : this.file.images[position];
  }

  /** Adds the record, or replaces the one for the same image. */
  put(record: FaceImageRecord): void {
    const key = imageKey(record.postId, record.imageIndex);
    const position = this.keys().get(key);
    if (position === undefined) {
      this.keys().set(key, this.file.images.length);
      this.file.images.push(record);
    } else {
      this.file.images[position] = record;
    }
  }

  override(postId: string): FaceOverride | null {
    return Object.hasOwn(this.overridesFile.overrides, postId) ? this.overridesFile.overrides[postId]! : null;
  }

  setOverride(postId: string, override: FaceOverride | null): void {
    const entries = Object.entries(this.overridesFile.overrides).filter(([id]) => id !== postId);
    if (override) entries.push([postId, override]);
    // fromEntries defines own properties, so even a post id like "__proto__" is stored as data.
    this.overridesFile.overrides = Object.fromEntries(entries);
  }

  private keys(): Map<string, number> {
    if (!this.index) {
      this.index = new Map();
      this.file.images.forEach((record, position) => this.index!.set(imageKey(record.postId, record.imageIndex), position));
    }
    return this.index;
  }
}
