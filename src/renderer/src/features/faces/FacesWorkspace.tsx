import { useCallback, useMemo, useState } from 'react';
import type { FaceOverride } from '../../../../shared/faces/face-types';
import { formatDuration } from '../../../../shared/jobs/job-types';
import { useApi } from '../../api/api-context';
import { call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import type { PageId } from '../../app/routes';
import { CommandLine, shellQuote } from '../../components/CommandLine';
import { EmptyState } from '../../components/EmptyState';
import { plural } from '../../components/plural';
import type { BackendState } from '../backend/use-backend';
import { FaceCounts } from './FaceCounts';
import { useFaceImageCaches } from './data/face-image-cache';
import { imagesInBucket, type GalleryBucket } from './data/gallery-images';
import type { FaceData, FaceDataState } from './data/use-face-data';
import { useFaceRule } from './data/use-face-rule';
import { FaceDetail } from './detail/FaceDetail';
import { DetectionPanel } from './detection/DetectionPanel';
import type { DetectionJobState } from './detection/use-detection-job';
import { FaceGallery } from './gallery/FaceGallery';
import { ScoreHistogram } from './histogram/ScoreHistogram';
import { RuleControls } from './rule/RuleControls';

/** SSD's pool rate on a 2-core machine (the benchmark target): the estimate before any run was measured. */
const assumedImagesPerSecond = 4.5;

/** The page once the project has posts: detection, rule, counts, histogram, galleries and the image detail. */
export function FacesWorkspace(props: {
  data: FaceData;
  faceData: FaceDataState;
  detection: DetectionJobState;
  backend: BackendState;
  projectDir: string;
  navigate(page: PageId): void;
}) {
  const { data, faceData, detection } = props;
  const { columns, summary, version } = data;
  const api = useApi();
  const run = useAction();
  const rule = useFaceRule(columns, version, faceData.saveRule);
  const caches = useFaceImageCaches(columns, version);
  const [bucket, setBucket] = useState<GalleryBucket>('one');
  const [selected, setSelected] = useState<number | null>(null);
  const [overriding, setOverriding] = useState(false);
  const gallery = useMemo(() => imagesInBucket(rule.faces, bucket), [rule.faces, bucket]);

  const { overrideSet } = faceData;
  const override = useCallback(
    (postId: string, value: FaceOverride | null) => {
      setOverriding(true);
      void run(async () => {
        const decision = call(await api.faces.setOverride({ postId, override: value }));
        overrideSet(decision.row, decision.override);
      }).finally(() => setOverriding(false));
    },
    [api, run, overrideSet],
  );
  const step = (direction: -1 | 1) => {
    const position = selected === null ? -1 : gallery.indexOf(selected);
    const next = gallery[position + direction];
    if (position >= 0 && next !== undefined) setSelected(next);
  };
  const showBucket = (next: GalleryBucket) => {
    setBucket(next);
    setSelected(null);
  };

  const nothingDetected = rule.images.pending === columns.images;
  const rate = detection.lastRate ?? assumedImagesPerSecond;
  return (
    <div className={selected === null ? 'faces' : 'faces faces--with-detail'}>
      <DetectionPanel summary={summary} detection={detection} backend={props.backend} pendingImages={rule.images.pending} />
      {columns.images === 0 ? (
        <EmptyState title="No images to look at" icon="☺">
          <p>
            These {plural(columns.posts, 'post')} have no image files (metadata only). Import them again with their images, or download them, and the
            detector can run.
          </p>
        </EmptyState>
      ) : nothingDetected ? (
        <EmptyState title="Not detected yet" icon="☺">
          <p>
            {plural(columns.images, 'image')} in {plural(columns.posts, 'post')} await the detector. At about {rate.toFixed(1)} images/s
            {detection.lastRate ? ' (the last run here)' : ' (SSD on 2 cores with wasm; Tiny is about 3× faster, more cores or a native backend faster still)'}, that
            takes roughly {formatDuration(columns.images / rate)}. Choose a detector above and press Run; you can cancel and resume.
          </p>
          <p className="muted">Or from a terminal:</p>
          <CommandLine command={`selfie-lab faces --project ${shellQuote(props.projectDir)}`} />
        </EmptyState>
      ) : (
        <>
          <div className="faces__top">
            <RuleAndCounts rule={rule} storedMinScore={columns.storedMinScore} />
            <ScoreHistogram columns={columns} minScore={rule.countedRule.minScore} minSize={rule.countedRule.minSize} />
          </div>
          <FaceGallery bucket={bucket} images={gallery} onBucket={showBucket} columns={columns} rule={rule} caches={caches} selected={selected} onOpen={setSelected} />
          {rule.posts.pass > 0 ? (
            <p className="muted faces__next">
              Next: label the good and bad selfies among the {plural(rule.posts.pass, 'post')} that pass.{' '}
              <button type="button" className="link-button" onClick={() => props.navigate('labels')}>
                Go to Labels
              </button>
            </p>
          ) : null}
        </>
      )}
      {selected !== null ? (
        <FaceDetail image={selected} columns={columns} rule={rule} caches={caches} busy={overriding} onOverride={override} onStep={step} onClose={() => setSelected(null)} />
      ) : null}
    </div>
  );
}

function RuleAndCounts(props: { rule: ReturnType<typeof useFaceRule>; storedMinScore: number }) {
  return (
    <div className="faces__rule">
      <RuleControls state={props.rule} storedMinScore={props.storedMinScore} />
      <FaceCounts state={props.rule} />
    </div>
  );
}
