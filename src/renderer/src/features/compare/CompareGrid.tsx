import { useState } from 'react';
import type { CompareTable } from '../../../../shared/rating/rating-types';
import { useThumbnails } from '../labels/panels/use-thumbnails';
import { judgement, splitName } from './compare-format';
import type { CompareRow, Sort, SortKey } from './compare-rows';

const page = 200;

/** A verdict as a coloured word; `against` (the label) marks a disagreement with it. */
function Verdict(props: { value: number; against?: number; testId?: string }) {
  const off = props.against !== undefined && props.against !== 0 && props.value !== 0 && props.value !== props.against;
  const tone = props.value === 1 ? 'good' : props.value === -1 ? 'bad' : 'none';
  return (
    <span className={`compare-verdict compare-verdict--${tone}${off ? ' compare-verdict--off' : ''}`} data-testid={props.testId} title={off ? 'differs from the Instagram label' : undefined}>
      {judgement(props.value)}
    </span>
  );
}

/** A column header that sorts by its column; aria-sort tells assistive technology which one and which way. */
function SortHeader(props: { label: string; sortKey: SortKey; sort: Sort; onSort(key: SortKey): void }) {
  const active = props.sort.key === props.sortKey;
  const direction = props.sort.descending ? 'descending' : 'ascending';
  return (
    <th aria-sort={active ? direction : 'none'} data-testid="compare-sort-header" data-sort-key={props.sortKey}>
      <button type="button" className="compare-table__sort" onClick={() => props.onSort(props.sortKey)} title={`Sort by ${props.label} (unrated and skipped last)`}>
        {props.label}
        <span aria-hidden="true" className="compare-table__arrow">
          {active ? (props.sort.descending ? '↓' : '↑') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** Every rated post, one row each: image, the raters, Instagram's label (and residual), the model. Click for detail. */
export function CompareGrid(props: {
  rows: CompareRow[];
  raters: CompareTable['raters'];
  hasModel: boolean;
  selected: string | null;
  sort: Sort;
  onSort(key: SortKey): void;
  onSelect(postId: string): void;
}) {
  const header = (label: string, sortKey: SortKey) => <SortHeader key={sortKey} label={label} sortKey={sortKey} sort={props.sort} onSort={props.onSort} />;
  const [limit, setLimit] = useState(page);
  const shown = props.rows.slice(0, limit);
  const { thumbnails } = useThumbnails(shown.map((row) => row.postId));
  if (props.rows.length === 0) return <p className="muted compare-grid__empty">No posts match these filters.</p>;
  return (
    <div className="compare-grid">
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            {header('Post', 'post')}
            {props.raters.map((rater) => header(rater.name, `rater:${rater.rater}`))}
            {header('Instagram', 'label')}
            {header('Residual', 'score')}
            {header('Model p(good)', 'pGood')}
            {header('Model', 'model')}
            {header('Split', 'split')}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const url = thumbnails.get(row.postId);
            const selected = row.postId === props.selected;
            return (
              <tr
                key={row.postId}
                data-testid="compare-row"
                data-post-id={row.postId}
                className={selected ? 'compare-table__row compare-table__row--selected' : 'compare-table__row'}
                aria-selected={selected}
                tabIndex={0}
                onClick={() => props.onSelect(row.postId)}
                onKeyDown={(event) => event.key === 'Enter' && props.onSelect(row.postId)}
              >
                <td>
                  <div className="compare-table__post">
                    {url ? <img className="compare-table__thumb" src={url} alt={`post ${row.postId}`} /> : <span className="compare-table__thumb" />}
                    <span className="compare-table__post-id" title={row.postId}>
                      {row.postId}
                    </span>
                  </div>
                </td>
                {props.raters.map((rater, k) => (
                  <td key={rater.rater}>
                    <Verdict value={row.ratings[k]!} against={row.label} testId="compare-rating" />
                  </td>
                ))}
                <td>
                  <Verdict value={row.label} />
                </td>
                <td className="compare-table__number">{row.score === null ? '–' : row.score.toFixed(2)}</td>
                <td className="compare-table__number">{row.pGood === null ? '–' : row.pGood.toFixed(2)}</td>
                <td>{props.hasModel ? <Verdict value={row.predicted} against={row.label} /> : '–'}</td>
                <td>{splitName(row.split)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {props.rows.length > limit ? (
        <button type="button" className="button button--small" onClick={() => setLimit(limit + page)}>
          Show {Math.min(page, props.rows.length - limit)} more of {props.rows.length - limit}
        </button>
      ) : null}
    </div>
  );
}
