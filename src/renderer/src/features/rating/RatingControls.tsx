import type { RatingMode } from '../../../../shared/rating/rating-types';
import type { Answer } from './use-rating-keys';

interface Control {
  answer: Answer | 'undo';
  label: string;
  keys: string[];
  tone?: 'good' | 'bad';
}

const controls: Record<RatingMode, Control[]> = {
  single: [
    { answer: 'bad', label: 'Bad', keys: ['B', '←'], tone: 'bad' },
    { answer: 'skip', label: 'Skip', keys: ['S'] },
    { answer: 'good', label: 'Good', keys: ['G', '→'], tone: 'good' },
    { answer: 'undo', label: 'Undo', keys: ['U', '⌫'] },
  ],
  pairwise: [
    { answer: 'left', label: 'Left is better', keys: ['←'], tone: 'good' },
    { answer: 'skip', label: 'Skip', keys: ['S'] },
    { answer: 'right', label: 'Right is better', keys: ['→'], tone: 'good' },
    { answer: 'undo', label: 'Undo', keys: ['U', '⌫'] },
  ],
};

/** The answer buttons, each with its keys written on it (the keyboard is the quick way, the buttons the visible one). */
export function RatingControls(props: { mode: RatingMode; canAnswer: boolean; canUndo: boolean; busy: boolean; onAnswer(answer: Answer): void; onUndo(): void }) {
  return (
    <div className="rating-controls" role="group" aria-label="Answer">
      {controls[props.mode].map((control) => {
        const isUndo = control.answer === 'undo';
        const disabled = props.busy || (isUndo ? !props.canUndo : !props.canAnswer);
        return (
          <button
            key={control.answer}
            type="button"
            data-testid={`rating-${control.answer}`}
            className={`button rating-controls__button${control.tone ? ` rating-controls__button--${control.tone}` : ''}${isUndo ? ' rating-controls__button--undo' : ''}`}
            disabled={disabled}
            aria-keyshortcuts={control.keys.join(' ')}
            onClick={() => (control.answer === 'undo' ? props.onUndo() : props.onAnswer(control.answer))}
          >
            <span>{control.label}</span>
            <span className="rating-controls__keys">
              {control.keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </span>
          </button>
        );
      })}
    </div>
  );
}
