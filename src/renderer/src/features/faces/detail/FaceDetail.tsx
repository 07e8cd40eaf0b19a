import { useEffect, useRef } from 'react';
import type { FaceColumnsPayload } from '../../../../../shared/faces/face-columns';
import type { FaceOverride } from '../../../../../shared/faces/face-types';
import { Spinner } from '../../../components/Spinner';
import { useCacheRevision } from '../../dataset/data/use-row-caches';
import type { FaceImageCaches } from '../data/face-image-cache';
import type { FaceRuleState } from '../data/use-face-rule';
import { FaceImage } from '../gallery/FaceImage';
import { DetectionList } from './DetectionList';

const statusTexts = { pass: 'passes: used for labels', fail: 'fails: not used for labels', pending: 'undecided: images not detected yet' } as const;

/** Keys typed into a form field belong to the field. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * One image, larger, with every detection's score and size under the rule being edited, and the post's override:
 * force keep, force drop, or back to the rule. Esc closes; ← and → step through the gallery.
 */
export function FaceDetail(props: {
  image: number;
  columns: FaceColumnsPayload;
  rule: FaceRuleState;
  caches: FaceImageCaches;
  busy: boolean;
  onOverride(postId: string, override: FaceOverride | null): void;
  onStep(step: -1 | 1): void;
  onClose(): void;
}) {
  const { image, columns, caches, rule } = props;
  useCacheRevision(caches.views);
  useCacheRevision(caches.thumbnails);
  useEffect(() => {
    caches.views.want([image]);
    caches.thumbnails.want([image]);
  }, [caches, image]);
  const view = caches.views.get(image);
  const record = view?.record ?? null;
  const row = columns.postRow[image]!;
  const override = columns.override[row] === 1 ? 'keep' : columns.override[row] === 2 ? 'drop' : null;
  const status = rule.statuses[row] ?? 'pending';
  const faces = rule.faces[image]!;

  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === 'Escape') latest.current.onClose();
      else if (event.key === 'ArrowLeft') latest.current.onStep(-1);
      else if (event.key === 'ArrowRight') latest.current.onStep(1);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const setOverride = (value: FaceOverride | null) => view && props.onOverride(view.postId, value);
  return (
    <aside className="faces-detail" data-testid="faces-detail" data-post-id={view?.postId} data-override={override ?? undefined} aria-label="Image detail">
      <header className="faces-detail__header">
        <div className="faces-detail__title">
          <h2>{view ? `Post ${view.postId}` : 'Post'}</h2>
          <span className="muted">
            image {columns.imageIndex[image]! + 1} · {columns.width[image]}×{columns.height[image]} px
          </span>
        </div>
        <button type="button" className="icon-button" aria-label="Previous image (←)" title="Previous image (←)" onClick={() => props.onStep(-1)}>
          ‹
        </button>
        <button type="button" className="icon-button" aria-label="Next image (→)" title="Next image (→)" onClick={() => props.onStep(1)}>
          ›
        </button>
        <button type="button" className="icon-button" data-testid="faces-detail-close" aria-label="Close (Esc)" title="Close (Esc)" onClick={props.onClose}>
          ×
        </button>
      </header>
      <div className="faces-detail__body">
        {view === undefined ? <Spinner label="Loading detections…" /> : null}
        <FaceImage
          thumbnail={caches.thumbnails.get(image)}
          record={record}
          width={columns.width[image]!}
          height={columns.height[image]!}
          rule={rule.countedRule}
          square={false}
          alt={view ? `Image ${columns.imageIndex[image]! + 1} of post ${view.postId}` : ''}
          problem={record?.status === 'error' ? (record.error ?? 'unreadable') : null}
        />
        <p className={`faces-detail__status faces-detail__status--${status}`} data-testid="faces-detail-status" data-status={status}>
          {faces === -1 ? 'Unreadable image' : faces === -2 ? 'Not detected yet' : `${faces} ${faces === 1 ? 'face counts' : 'faces count'}`}; the post{' '}
          {statusTexts[status]}
          {override ? ` (forced ${override})` : ''}.
        </p>
        <div className="faces-detail__actions" role="group" aria-label="Override">
          <button type="button" className={override === 'keep' ? 'button button--pressed' : 'button'} data-testid="faces-keep" disabled={!view || props.busy} aria-pressed={override === 'keep'} onClick={() => setOverride('keep')}>
            Force keep
          </button>
          <button type="button" className={override === 'drop' ? 'button button--pressed' : 'button'} data-testid="faces-drop" disabled={!view || props.busy} aria-pressed={override === 'drop'} onClick={() => setOverride('drop')}>
            Force drop
          </button>
          <button type="button" className="button button--quiet" data-testid="faces-clear-override" disabled={!view || props.busy || override === null} onClick={() => setOverride(null)}>
            Back to the rule
          </button>
        </div>
        {record?.status === 'error' ? (
          <p className="faces-detail__error" data-testid="faces-detail-error">
            Could not be read: {record.error ?? 'unknown reason'}
          </p>
        ) : null}
        {record?.status === 'ok' ? <DetectionList record={record} rule={rule.countedRule} /> : null}
        {view?.path ? (
          <p className="muted faces-detail__path" title={view.path}>
            {view.path}
          </p>
        ) : null}
      </div>
    </aside>
  );
}
