import type { ReactNode } from 'react';

/** One labelled number in a row of project facts ("Posts 1,204"). */
export function Stat(props: { label: string; value: number | string }) {
  const value = typeof props.value === 'number' ? props.value.toLocaleString('en-US') : props.value;
  return (
    <div className="stat">
      <span className="stat__value">{value}</span>
      <span className="stat__label">{props.label}</span>
    </div>
  );
}

export function StatRow(props: { children: ReactNode }) {
  return <div className="stat-row">{props.children}</div>;
}
