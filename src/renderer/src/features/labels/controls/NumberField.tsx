import { useState } from 'react';

/**
 * A number input that keeps the typed text (so "1e" or "12." are not overwritten mid-typing) and follows its value
 * when it changes from outside (a drag on the histogram, "load parameters"). `percent` shows a 0…1 share as 0…100.
 * Empty means null, where `optional`; otherwise an empty or invalid entry is simply not applied.
 */
export function NumberField(props: {
  id: string;
  testId?: string;
  label: string;
  value: number | null;
  onChange(value: number | null): void;
  percent?: boolean;
  optional?: boolean;
  min?: number;
  max?: number;
  step?: number;
  placeholder?: string;
  title?: string;
}) {
  const scale = props.percent ? 100 : 1;
  const show = (value: number | null) => (value === null ? '' : String(Math.round(value * scale * 1000) / 1000));
  const [text, setText] = useState(show(props.value));
  const [shown, setShown] = useState(props.value);
  if (shown !== props.value) {
    // Adjusting state during render is React's documented way to follow a prop.
    setShown(props.value);
    if (parse(text, scale) !== props.value) setText(show(props.value));
  }
  return (
    <label className="labels-field" htmlFor={props.id} title={props.title}>
      <span className="labels-field__label">{props.label}</span>
      <input
        id={props.id}
        data-testid={props.testId}
        type="number"
        inputMode="decimal"
        min={props.min}
        max={props.max}
        step={props.step ?? 'any'}
        value={text}
        placeholder={props.placeholder}
        onChange={(event) => {
          setText(event.target.value);
          const next = parse(event.target.value, scale);
          if (next === null && !props.optional) return;
          if (next !== null && ((props.min !== undefined && next * scale < props.min) || (props.max !== undefined && next * scale > props.max))) return;
          setShown(next);
          props.onChange(next);
        }}
      />
    </label>
  );
}

function parse(text: string, scale: number): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value / scale : null;
}
