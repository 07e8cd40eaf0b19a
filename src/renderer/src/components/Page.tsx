import type { ReactNode } from 'react';

/** A workspace page: its root carries the page's test id, and its title is the page's only <h1>. */
export function Page(props: { id: string; title: string; lead: string; children: ReactNode }) {
  const headingId = `page-${props.id}-title`;
  return (
    <section className="page" data-testid={`page-${props.id}`} aria-labelledby={headingId}>
      <header className="page__header">
        <h1 id={headingId}>{props.title}</h1>
        <p className="page__lead">{props.lead}</p>
      </header>
      {props.children}
    </section>
  );
}
