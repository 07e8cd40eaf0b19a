import { useState } from 'react';

/**
 * A numeric bound: empty means "off". Keeps the typed text itself, so half-typed input ("1e", "-") is not
 * overwritten; it follows the value only when the value changes from outside (e.g. "Reset filters").
 */
export function NumberFilter(props: {
  id: string;
  testId: string;
  label: string;
  value: number | null;
  onChange(value: number | null): void;
  placeholder: string;
  min?: number;
}) {
  const [text, setText] = useState(props.value === null ? '' : String(props.value));
  const [shown, setShown] = useState(props.value);
  if (shown !== props.value) {
    // Adjusting state during render is React's documented way to follow a prop.
    setShown(props.value);
    if (parse(text) !== props.value) setText(props.value === null ? '' : String(props.value));
  }
  return (
    <label className="number-filter" htmlFor={props.id}>
      <span className="number-filter__label">{props.label}</span>
      <input
        id={props.id}
        data-testid={props.testId}
        type="number"
        inputMode="decimal"
        min={props.min}
        value={text}
        placeholder={props.placeholder}
        onChange={(event) => {
          setText(event.target.value);
          const next = parse(event.target.value);
          setShown(next);
          props.onChange(next);
        }}
      />
    </label>
  );
}

function parse(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
