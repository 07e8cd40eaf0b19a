import type { ReactNode } from 'react';
import { hashFor, pages, type PageId } from './routes';
import { shortcutLabel } from './use-hash-route';

/** The sidebar: one link per pipeline step, in pipeline order. */
export function Navigation(props: { current: PageId; footer?: ReactNode }) {
  return (
    <nav className="sidebar" aria-label="Pages">
      <ol className="sidebar__list">
        {pages.map((page, index) => {
          const current = page.id === props.current;
          return (
            <li key={page.id}>
              <a
                href={hashFor(page.id)}
                className={current ? 'nav-link nav-link--current' : 'nav-link'}
                aria-current={current ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${index + 1}`}
                data-testid={`nav-${page.id}`}
              >
                <span className="nav-link__step" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="nav-link__text">
                  <span className="nav-link__title">{page.title}</span>
                  <span className="nav-link__hint">{page.hint}</span>
                </span>
                <kbd className="nav-link__shortcut">{shortcutLabel(index)}</kbd>
              </a>
            </li>
          );
        })}
      </ol>
      {props.footer}
    </nav>
  );
}
