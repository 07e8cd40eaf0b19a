import { useEffect, useId, useLayoutEffect, useRef } from 'react';

/**
 * A range input that reports every step (`onChange`: recount at once) and each release (`onCommit`: save). The release
 * is the input's native 'change' event, which browsers fire on pointer release and after each keyboard step (React's
 * onChange is the 'input' event, fired on every step of a drag).
 */
export function RuleSlider(props: {
  label: string;
  help: string;
  testId: string;
  valueTestId: string;
  min: number;
  max: number;
  step: number;
  value: number;
  format(value: number): string;
  onChange(value: number): void;
  onCommit(value: number): void;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const onCommit = useRef(props.onCommit);
  useLayoutEffect(() => {
    onCommit.current = props.onCommit;
  });

  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    const commit = () => onCommit.current(input.valueAsNumber);
    input.addEventListener('change', commit);
    return () => input.removeEventListener('change', commit);
  }, []);

  const text = props.format(props.value);
  return (
    <div className="rule-slider">
      <div className="rule-slider__head">
        <label htmlFor={id} className="rule-slider__label">
          {props.label}
        </label>
        <output htmlFor={id} className="rule-slider__value" data-testid={props.valueTestId}>
          {text}
        </output>
      </div>
      <input
        ref={inputRef}
        id={id}
        type="range"
        data-testid={props.testId}
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        aria-valuetext={text}
        onChange={(event) => props.onChange(event.target.valueAsNumber)}
      />
      <div className="rule-slider__scale muted" aria-hidden="true">
        <span>{props.format(props.min)}</span>
        <span>{props.help}</span>
        <span>{props.format(props.max)}</span>
      </div>
    </div>
  );
}
