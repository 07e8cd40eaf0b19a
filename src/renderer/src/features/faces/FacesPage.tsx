import type { PageProps } from '../../app/page-props';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { Stat, StatRow } from '../../components/Stat';
import { plural } from '../../components/plural';

export function FacesPage({ project, navigate }: PageProps) {
  const { posts, faces } = project.counts;
  return (
    <Page
      id="faces"
      title="Faces"
      lead="Face detection keeps the images that show exactly one face, as the study did."
    >
      <StatRow>
        <Stat label="posts" value={posts} />
        <Stat label="images with one face" value={faces} />
      </StatRow>
      {posts === 0 ? (
        <EmptyState title="No faces yet" icon="☺">
          <p>
            Run face detection after importing posts: this project has {plural(posts, 'post')}. Detection stores every
            face found (box, score, landmarks) and keeps images with exactly one face above a minimum score and size.
          </p>
          <button type="button" className="button" onClick={() => navigate('dataset')}>
            Go to Dataset
          </button>
        </EmptyState>
      ) : faces === 0 ? (
        <EmptyState title="Ready for face detection" icon="☺">
          <p>
            {plural(posts, 'post')} await face detection (SSD-MobileNetV1 by default, TinyFaceDetector as the fast
            option). Starting detection from this window arrives with the faces feature.
          </p>
        </EmptyState>
      ) : (
        <EmptyState title={`${plural(faces, 'image')} with exactly one face`} icon="☺">
          <p>The face gallery arrives with the faces feature. Next step: label the good and the bad selfies.</p>
          <button type="button" className="button button--primary" onClick={() => navigate('labels')}>
            Go to Labels
          </button>
        </EmptyState>
      )}
    </Page>
  );
}
