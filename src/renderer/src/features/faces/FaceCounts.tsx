import { Stat } from '../../components/Stat';
import type { FaceRuleState } from './data/use-face-rule';

/** Images by faces counted under the rule being edited, and what that means for the posts. */
export function FaceCounts({ state }: { state: FaceRuleState }) {
  const { images, posts } = state;
  return (
    <section className="faces-counts" aria-label="Counts under this rule">
      <div className="faces-counts__group">
        <h2 className="faces-counts__title">Images</h2>
        <div className="stat-row">
          <Stat label="one face" value={images.one} testId="faces-count-one" tone="good" />
          <Stat label="no face" value={images.none} testId="faces-count-none" />
          <Stat label="2+ faces" value={images.many} testId="faces-count-many" />
          <Stat label="unreadable" value={images.error} testId="faces-count-error" tone={images.error > 0 ? 'bad' : undefined} />
          <Stat label="not detected" value={images.pending} testId="faces-count-pending" title="Images the detector has not seen yet" tone={images.pending > 0 ? 'warn' : undefined} />
        </div>
      </div>
      <div className="faces-counts__group">
        <h2 className="faces-counts__title">Posts</h2>
        <div className="stat-row">
          <Stat label="pass" value={posts.pass} testId="faces-posts-pass" tone="good" title="Kept for labelling: under the rule, its carousel rule and the overrides" />
          <Stat label="fail" value={posts.fail} testId="faces-posts-fail" />
          {posts.pending > 0 ? <Stat label="undecided" title="Their deciding images are not detected yet" value={posts.pending} testId="faces-posts-pending" tone="warn" /> : null}
          <Stat label="forced keep" value={posts.kept} testId="faces-posts-kept" title="Overrides: kept whatever the detector says" />
          <Stat label="forced drop" value={posts.dropped} testId="faces-posts-dropped" title="Overrides: dropped whatever the detector says" />
        </div>
      </div>
    </section>
  );
}
