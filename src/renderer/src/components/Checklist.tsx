/** What a step needs before it can run, each item ticked off from the project's counts. */
export interface ChecklistItem {
  done: boolean;
  label: string;
  detail: string;
}

export function Checklist(props: { items: ChecklistItem[] }) {
  return (
    <ul className="checklist">
      {props.items.map((item) => (
        <li key={item.label} className={item.done ? 'checklist__item checklist__item--done' : 'checklist__item'}>
          <span className="checklist__mark" aria-hidden="true">
            {item.done ? '✓' : ''}
          </span>
          <span>
            <span className="checklist__label">{item.label}</span>
            <span className="visually-hidden">{item.done ? ' (done)' : ' (to do)'}</span>
            <span className="checklist__detail">{item.detail}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
