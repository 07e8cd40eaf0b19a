import { useState } from 'react';
import type { PageProps } from '../../app/page-props';
import { CommandLine, shellQuote } from '../../components/CommandLine';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { Spinner } from '../../components/Spinner';
import { ImportForm } from '../import/ImportForm';
import { ImportStatus } from '../import/ImportStatus';
import { useDropImport } from '../import/use-drop-import';
import { useImport } from '../import/use-import';
import { DatasetExplorer } from './DatasetExplorer';
import { DatasetSummary } from './DatasetSummary';
import { usePostData } from './data/use-post-data';

export function DatasetPage({ project }: PageProps) {
  const { data, loading, error } = usePostData();
  const importer = useImport(project.dir);
  const [formOpen, setFormOpen] = useState(false);
  const drop = useDropImport((paths) => void importer.start({ paths, format: 'auto', downloadImages: true }));
  const postCount = data?.summary.count ?? project.counts.posts;
  const empty = data !== null && postCount === 0;

  const openForm = () => {
    setFormOpen(true);
    requestAnimationFrame(() => document.getElementById('import-paths')?.focus());
  };
  const start = async (params: Parameters<typeof importer.start>[0]) => {
    const started = await importer.start(params);
    if (started) setFormOpen(false);
    return started;
  };
  const form = <ImportForm busy={importer.busy} onStart={start} onCancel={empty ? undefined : () => setFormOpen(false)} />;

  return (
    <div className={drop.dragging ? 'drop-zone drop-zone--active' : 'drop-zone'} {...drop.zoneProps}>
      <Page id="dataset" wide title="Dataset" lead="The posts in this study: images with their like snapshots, follower counts and hashtags.">
        <div className="dataset-actions">
          <button type="button" className="button button--primary" data-testid="import-open" onClick={openForm} aria-expanded={formOpen || empty}>
            Import posts…
          </button>
          {loading && data ? <Spinner label="Reloading posts…" /> : null}
        </div>
        {drop.message ? (
          <p className="drop-message" role="alert" data-testid="drop-message">
            {drop.message}
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={drop.dismissMessage}>
              ×
            </button>
          </p>
        ) : null}
        {formOpen && !empty ? (
          <section className="card import-card" aria-labelledby="import-card-title">
            <h2 id="import-card-title" className="card__title">
              Import posts
            </h2>
            {form}
          </section>
        ) : null}
        <ImportStatus state={importer} />
        {error && !data ? <p className="detail-note detail-note--warn">Could not load the posts: {error.message}</p> : null}
        {!data && !error ? <Spinner label="Loading posts…" /> : null}
        {data && !empty ? <DatasetSummary summary={data.summary} /> : null}
        {empty ? (
          <EmptyState title="No posts yet" icon="▤">
            <p>
              Import an Instaloader download folder or a CSV/JSONL manifest. Download the same hashtag twice (say day 0
              and day 7) and import both folders: each becomes a like snapshot of the same posts.
            </p>
            {form}
            <p className="muted">Or from a terminal:</p>
            <CommandLine command={`selfie-lab import PATH --project ${shellQuote(project.dir)}`} />
          </EmptyState>
        ) : null}
        {data && !empty ? <DatasetExplorer data={data} /> : null}
      </Page>
      {drop.dragging ? (
        <div className="drop-zone__overlay" aria-hidden="true">
          Drop folders or manifests to import them
        </div>
      ) : null}
    </div>
  );
}
