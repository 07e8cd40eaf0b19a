import type { PageProps } from '../../app/page-props';
import { CommandLine, shellQuote } from '../../components/CommandLine';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { Spinner } from '../../components/Spinner';
import { useFaceData } from './data/use-face-data';
import { useDetectionJob } from './detection/use-detection-job';
import { FacesWorkspace } from './FacesWorkspace';

/**
 * The face filter: run the detector, set the "exactly one face" rule while watching the counts, galleries and score
 * histogram follow, and override single posts.
 */
export function FacesPage({ project, backend, navigate }: PageProps) {
  const faceData = useFaceData();
  const detection = useDetectionJob(project.dir);
  const { data, error } = faceData;

  let content;
  if (!data) {
    content = error ? <p className="detail-note detail-note--warn">Could not load the detections: {error.message}</p> : <Spinner label="Loading detections…" />;
  } else if (data.columns.posts === 0) {
    content = (
      <EmptyState title="No posts yet" icon="☺">
        <p>Import posts first: face detection runs over every image of every post, and keeps the images with exactly one face, as the study did.</p>
        <button type="button" className="button button--primary" data-testid="faces-go-import" onClick={() => navigate('dataset')}>
          Go to Dataset to import
        </button>
        <p className="muted">Or from a terminal, once imported:</p>
        <CommandLine command={`selfie-lab faces --project ${shellQuote(project.dir)}`} />
      </EmptyState>
    );
  } else {
    content = <FacesWorkspace data={data} faceData={faceData} detection={detection} backend={backend} projectDir={project.dir} navigate={navigate} />;
  }

  return (
    <Page id="faces" wide title="Faces" lead="Face detection keeps the images that show exactly one face, as the study did (200,545 of ~430k images).">
      {content}
    </Page>
  );
}
