/** A small indeterminate activity mark, with its text for screen readers and for people. */
export function Spinner(props: { label: string }) {
  return (
    <span className="spinner" role="status">
      <span className="spinner__mark" aria-hidden="true" />
      <span>{props.label}</span>
    </span>
  );
}
