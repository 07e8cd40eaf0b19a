/** A shell command a researcher can copy into a terminal. */
export function CommandLine(props: { command: string }) {
  return (
    <pre className="command-line">
      <code>{props.command}</code>
    </pre>
  );
}

/** Quotes a path for POSIX shells when it holds spaces or other special characters. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
