import type { ReactNode } from 'react';

export interface Choice<T> {
  value: T;
  label: string;
  testId?: string;
}

/**
 * A row of small buttons choosing one value (a split, a colouring), the chosen one pressed. `children` follow the
 * buttons in the same group (e.g. an action that belongs with the choice).
 */
export function ChoiceButtons<T>(props: { label: string; choices: ReadonlyArray<Choice<T>>; value: T; onChange(value: T): void; children?: ReactNode }) {
  return (
    <div className="train-eval__splits" role="group" aria-label={props.label}>
      {props.choices.map((choice) => (
        <button
          key={choice.label}
          type="button"
          data-testid={choice.testId}
          className={choice.value === props.value ? 'button button--small button--pressed' : 'button button--small'}
          aria-pressed={choice.value === props.value}
          onClick={() => props.onChange(choice.value)}
        >
          {choice.label}
        </button>
      ))}
      {props.children}
    </div>
  );
}
