import type { ReactNode } from 'react';

/** What a page is for and what to do next, shown until it has something to display. */
export function EmptyState(props: { title: string; children: ReactNode; icon?: string }) {
  return (
    <div className="empty-state card" data-testid="empty-state">
      <div className="empty-state__icon" aria-hidden="true">
        {props.icon ?? '◌'}
      </div>
      <h2 className="empty-state__title">{props.title}</h2>
      <div className="empty-state__body">{props.children}</div>
    </div>
  );
}
