import type { PageProps } from '../../app/page-props';
import { CommandLine, shellQuote } from '../../components/CommandLine';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { Stat, StatRow } from '../../components/Stat';
import { plural } from '../../components/plural';

export function DatasetPage({ project, navigate }: PageProps) {
  const { counts } = project;
  const importCommand = `selfie-lab import PATH --project ${shellQuote(project.dir)}`;
  return (
    <Page
      id="dataset"
      title="Dataset"
      lead="The posts in this study: images with their like snapshots, follower counts and hashtags."
    >
      <StatRow>
        <Stat label="posts" value={counts.posts} />
        <Stat label="faces" value={counts.faces} />
        <Stat label="label sets" value={counts.labelSets} />
        <Stat label="runs" value={counts.runs} />
      </StatRow>
      {counts.posts === 0 ? (
        <EmptyState title="No posts yet" icon="▤">
          <p>
            This project has {plural(counts.posts, 'post')}. Import an Instaloader download folder or a CSV/JSONL
            manifest from a terminal:
          </p>
          <CommandLine command={importCommand} />
          <p className="muted">
            Download the same hashtag twice (say day 0 and day 7) and import both folders: each becomes a like
            snapshot of the same posts. Importing from this window arrives with the import feature.
          </p>
        </EmptyState>
      ) : (
        <EmptyState title={`${plural(counts.posts, 'post')} imported`} icon="▤">
          <p>
            Browsing and filtering posts in this window arrives with the dataset view. Next step: find the images that
            show exactly one face.
          </p>
          <button type="button" className="button button--primary" onClick={() => navigate('faces')}>
            Go to Faces
          </button>
        </EmptyState>
      )}
    </Page>
  );
}
