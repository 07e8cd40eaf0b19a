import type { ReactNode } from 'react';

/**
 * A workspace page: its root carries the page's test id, and its title is the page's only <h1>.
 * `wide` pages (data explorers) use the window's width instead of a reading column.
 */
export function Page(props: { id: string; title: string; lead: string; children: ReactNode; wide?: boolean }) {
  const headingId = `page-${props.id}-title`;
  return (
    <section className={props.wide ? 'page page--wide' : 'page'} data-testid={`page-${props.id}`} aria-labelledby={headingId}>
      <header className="page__header">
        <h1 id={headingId}>{props.title}</h1>
        <p className="page__lead">{props.lead}</p>
      </header>
      {props.children}
    </section>
  );
}
