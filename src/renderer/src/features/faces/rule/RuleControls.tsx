import { carouselRules, type CarouselRule } from '../../../../../shared/faces/face-rule';
import type { FaceRuleState } from '../data/use-face-rule';
import { RuleSlider } from './RuleSlider';

/** Largest min-size offered: a face a third of the shorter side is already a close-up. */
const maxMinSize = 0.3;

const carouselTitles: Record<CarouselRule, string> = {
  first: 'the first image decides (the study)',
  any: 'any image with exactly one face',
  every: 'every image must have exactly one face',
};

const saveTexts = { saved: 'saved', unsaved: 'not saved yet', saving: 'saving…' } as const;

/** The "exactly one face" rule: min score, min size, the carousel rule. Counts follow every step; saved on release. */
export function RuleControls(props: { state: FaceRuleState; storedMinScore: number }) {
  const { rule, change, commit, saveState } = props.state;
  return (
    <section className="card faces-rule" aria-labelledby="faces-rule-title">
      <div className="faces-rule__head">
        <h2 id="faces-rule-title" className="card__title">
          Rule: exactly one face
        </h2>
        <span className={`faces-rule__saved faces-rule__saved--${saveState}`} data-testid="faces-rule-saved" data-state={saveState}>
          {saveTexts[saveState]}
        </span>
      </div>
      <div className="faces-rule__controls">
        <RuleSlider
          label="Min score"
          help="detector confidence"
          testId="faces-min-score"
          valueTestId="faces-min-score-value"
          min={props.storedMinScore}
          max={1}
          step={0.01}
          value={rule.minScore}
          format={(value) => value.toFixed(2)}
          onChange={(minScore) => change({ minScore })}
          onCommit={(minScore) => commit({ minScore })}
        />
        <RuleSlider
          label="Min face size"
          help="of the shorter image side"
          testId="faces-min-size"
          valueTestId="faces-min-size-value"
          min={0}
          max={maxMinSize}
          step={0.005}
          value={Math.min(rule.minSize, maxMinSize)}
          format={(value) => `${(value * 100).toFixed(1)}%`}
          onChange={(minSize) => change({ minSize })}
          onCommit={(minSize) => commit({ minSize })}
        />
        <label className="faces-rule__carousel">
          <span className="rule-slider__label">Carousel posts</span>
          <select data-testid="faces-carousel" value={rule.carousel} onChange={(event) => commit({ carousel: event.target.value as CarouselRule })}>
            {carouselRules.map((value) => (
              <option key={value} value={value}>
                {carouselTitles[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted faces-rule__help">
        Detections below {props.storedMinScore} were not stored. Faces failing the score or the size do not count (a blurred face in the background does not
        disqualify a selfie); they are drawn dashed.
      </p>
    </section>
  );
}
