import { memo, useMemo } from 'react';
import { pickExamples, type Band } from '../model/example-picks';
import type { Labeling } from '../model/use-labeling';
import { formatCount } from './format';
import { useThumbnails } from './use-thumbnails';

const perBand = 8;
const bands: ReadonlyArray<{ band: Band; title: string; tone: string }> = [
  { band: 'top', title: 'Top band (good)', tone: 'good' },
  { band: 'middle', title: 'Middle (none)', tone: 'none' },
  { band: 'bottom', title: 'Bottom band (bad)', tone: 'bad' },
];

/** What each band looks like: a few images from the good tail, the middle and the bad tail, refreshed on release. */
export const ExampleStrips = memo(function ExampleStrips(props: { labeling: Labeling }) {
  const { labeling } = props;
  const { population } = labeling;
  const picks = useMemo(() => pickExamples(labeling, perBand), [labeling]);
  const ids = useMemo(() => [...picks.top, ...picks.middle, ...picks.bottom].map((position) => population.ids[position]!), [picks, population]);
  const { thumbnails, error } = useThumbnails(ids);
  const scoreText = (position: number) => {
    const { ranking } = labeling;
    if (ranking.kind === 'groups') {
      const rank = ranking.result.scores[position]!;
      return Number.isNaN(rank) ? 'in no full group' : `rank ${rank} in its group`;
    }
    if (ranking.kind !== 'tails') return '';
    const score = ranking.ranked.scores[position]!;
    return ranking.strategy === 'ratio' ? `ratio ${score.toFixed(3)}` : `residual ${score >= 0 ? '+' : ''}${score.toFixed(2)}`;
  };

  return (
    <section className="card labels-examples" aria-labelledby="labels-examples-title">
      <h2 id="labels-examples-title" className="card__title">
        Examples
      </h2>
      {error ? <p className="muted">Thumbnails could not be loaded: {error.message}</p> : null}
      {bands.map(({ band, title, tone }) => (
        <div key={band} className="labels-strip" data-testid={`labels-strip-${band}`}>
          <h3 className={`labels-subtitle labels-strip__title labels-strip__title--${tone}`}>{title}</h3>
          {picks[band].length === 0 ? <p className="muted">No posts in this band.</p> : null}
          <ul className="labels-strip__images">
            {picks[band].map((position) => {
              const id = population.ids[position]!;
              const url = thumbnails.get(id);
              const caption = `${formatCount(population.likes[position]!)} likes · ${formatCount(population.followers[position]!)} followers`;
              return (
                <li key={id} className="labels-strip__item" title={`${id}: ${caption}, ${scoreText(position)}`}>
                  {url ? (
                    <img src={url} alt={`Post ${id}`} className="labels-strip__image" />
                  ) : (
                    <span className="labels-strip__image labels-strip__image--empty">{url === null ? 'no image' : '…'}</span>
                  )}
                  <span className="labels-strip__caption">{caption}</span>
                  <span className="labels-strip__caption">{scoreText(position)}</span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
});
