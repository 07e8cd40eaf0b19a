import type { ReactNode } from 'react';

/** One labelled number in a row of project facts ("Posts 1,204"). */
export function Stat(props: { label: string; value: number | string; testId?: string; tone?: 'good' | 'bad' | 'warn'; title?: string }) {
  const value = typeof props.value === 'number' ? props.value.toLocaleString('en-US') : props.value;
  return (
    <div className={props.tone ? `stat stat--${props.tone}` : 'stat'} title={props.title}>
      <span className="stat__value" data-testid={props.testId}>
        {value}
      </span>
      <span className="stat__label">{props.label}</span>
    </div>
  );
}

export function StatRow(props: { children: ReactNode }) {
  return <div className="stat-row">{props.children}</div>;
}
