/** What the Labels page receives: the population's columns, so every rule recomputes live in the renderer. */
export interface LabelPopulationPayload {
  ids: string[];
  owners: Array<string | null>;
  likes: number[];
  followers: number[];
  hashtags: number[];
  /** Simulated latent quality per post (null when unknown); `hasTruth` says whether any is known. */
  quality: Array<number | null>;
  /** Population position of the post this one reposts, or -1 (kept in one split). */
  duplicateOf: number[];
  excluded: Record<string, number>;
  minDays: number;
  hasTruth: boolean;
  /** Whether face detection has run (the default population requires passing the face rule). */
  facesDetected: boolean;
}
