/**
 * A streaming RFC 4180 CSV parser: feed it text chunks of any size, get complete rows back with the physical
 * line each row starts on (1-based; the header is line 1). It never holds more than the unfinished row, and
 * fields are sliced out of the chunk rather than built a character at a time, so a 500k-row manifest parses
 * in well under a second.
 *
 * Dialect: comma-separated; `"` quotes a field and `""` inside quotes is one quote; quoted fields may hold commas
 * and line breaks. Rows end at LF, CRLF or a lone CR. A UTF-8 BOM at the start is dropped. A quote in the middle
 * of an unquoted field is kept as text (`5'11"`). Empty lines are skipped. Malformed rows are returned with
 * `error` set, never dropped or repaired silently: text after a closing quote, or a quote still open at the
 * end of the input.
 */

export interface CsvRow {
  fields: string[];
  /** Physical line (1-based) on which the row starts. */
  line: number;
  /** Why the row cannot be trusted; its fields are then incomplete. */
  error?: string;
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  AfterQuote,
}

export interface CsvParserOptions {
  /** A single row longer than this (in UTF-16 code units) stops the parser: it is almost surely an unclosed quote. */
  maxRowLength?: number;
}

export class CsvParser {
  private buffer = '';
  /** Scan position in `buffer`. */
  private position = 0;
  /** Start of the current field's text in `buffer` (after the opening quote for quoted fields). */
  private fieldStart = 0;
  private state = State.FieldStart;
  private fields: string[] = [];
  private quoteEscaped = false;
  private line = 1;
  private rowLine = 1;
  private rowError: string | undefined;
  private started = false;
  private stopped = false;
  private ended = false;
  private readonly maxRowLength: number;

  constructor(options: CsvParserOptions = {}) {
    this.maxRowLength = options.maxRowLength ?? 16 * 1024 * 1024;
  }

  /** True once a runaway row stopped the parser; later input is ignored. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Parses as much of the input as is complete; the rest waits for the next chunk. */
  push(chunk: string): CsvRow[] {
    if (this.ended) throw new Error('CsvParser.push after end()');
    if (this.stopped) return [];
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    const rows: CsvRow[] = [];
    this.run(false, rows);
    if (this.buffer.length > this.maxRowLength) {
      rows.push({ fields: [], line: this.rowLine, error: `the row is longer than ${this.maxRowLength} characters (a quote that is never closed?); the rest of the file was not read` });
      this.stopped = true;
      this.buffer = '';
    }
    return rows;
  }

  /** Ends the input: returns the last row, if any (also a row without a final line break). */
  end(): CsvRow[] {
    if (this.stopped || this.ended) return [];
    const rows: CsvRow[] = [];
    this.run(true, rows);
    this.buffer = '';
    this.position = 0;
    this.fieldStart = 0;
    this.ended = true;
    return rows;
  }

  private emit(rows: CsvRow[]): void {
    const fields = this.fields;
    const blank = fields.length === 1 && fields[0] === '' && this.rowError === undefined;
    if (!blank) rows.push(this.rowError === undefined ? { fields, line: this.rowLine } : { fields, line: this.rowLine, error: this.rowError });
    this.fields = [];
    this.rowError = undefined;
  }

  // One loop with local copies of the hot state: this is the code that runs 80 million times for a big manifest.
  private run(final: boolean, rows: CsvRow[]): void {
    const text = this.buffer;
    const length = text.length;
    let i = this.position;
    let start = this.fieldStart;
    let state = this.state;
    let line = this.line;

    for (;;) {
      if (state === State.FieldStart) {
        if (i >= length) {
          // End of input right after a comma: the row's last field is empty.
          if (final && this.fields.length > 0) {
            this.fields.push('');
            this.emit(rows);
          }
          break;
        }
        if (text.charCodeAt(i) === QUOTE) {
          state = State.Quoted;
          i++;
          start = i;
          this.quoteEscaped = false;
          continue;
        }
        state = State.Unquoted;
        start = i;
      }

      if (state === State.Unquoted) {
        let c = 0;
        while (i < length) {
          c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          i++;
        }
        if (i >= length) {
          if (!final) break;
          this.fields.push(text.slice(start, length));
          this.emit(rows);
          state = State.FieldStart;
          start = i;
          break;
        }
        if (c === CR && i + 1 >= length && !final) break; // is it CRLF? wait for the next chunk
        this.fields.push(text.slice(start, i));
        if (c === COMMA) {
          i++;
          start = i;
          state = State.FieldStart;
          continue;
        }
        i += c === CR && i + 1 < length && text.charCodeAt(i + 1) === LF ? 2 : 1;
        this.emit(rows);
        line++;
        this.rowLine = line;
        start = i;
        state = State.FieldStart;
        continue;
      }

      if (state === State.Quoted) {
        let needMore = false;
        while (i < length) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) break;
          if (c === LF) line++;
          else if (c === CR) {
            if (i + 1 < length) {
              if (text.charCodeAt(i + 1) !== LF) line++;
            } else if (final) line++;
            else {
              needMore = true;
              break;
            }
          }
          i++;
        }
        if (needMore) break;
        if (i >= length) {
          if (!final) break;
          this.rowError = `a quoted field opened on line ${this.rowLine} is never closed`;
          this.fields.push(text.slice(start, length));
          this.emit(rows);
          state = State.FieldStart;
          start = i;
          break;
        }
        if (i + 1 >= length && !final) break; // a quote at the chunk's end: closing, or the first of ""?
        if (i + 1 < length && text.charCodeAt(i + 1) === QUOTE) {
          this.quoteEscaped = true;
          i += 2;
          continue;
        }
        const value = text.slice(start, i);
        this.fields.push(this.quoteEscaped ? value.replaceAll('""', '"') : value);
        i++;
        start = i;
        state = State.AfterQuote;
        continue;
      }

      // State.AfterQuote: only a comma, a line break or the end may follow a closing quote.
      if (i >= length) {
        if (!final) break;
        this.emit(rows);
        state = State.FieldStart;
        break;
      }
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        start = i;
        state = State.FieldStart;
        continue;
      }
      if (c === LF || c === CR) {
        if (c === CR && i + 1 >= length && !final) break;
        i += c === CR && i + 1 < length && text.charCodeAt(i + 1) === LF ? 2 : 1;
        this.emit(rows);
        line++;
        this.rowLine = line;
        start = i;
        state = State.FieldStart;
        continue;
      }
      this.rowError ??= `text follows the closing quote of field ${this.fields.length}`;
      this.fields.pop();
      start = i;
      state = State.Unquoted;
      continue;
    }

    // Keep only the unfinished part: from the current field's start (its text is still needed) or the scan point.
    const keepFrom = state === State.Quoted || state === State.Unquoted ? start : i;
    this.buffer = keepFrom === 0 ? text : text.slice(keepFrom);
    this.position = i - keepFrom;
    this.fieldStart = start - keepFrom;
    this.state = state;
    this.line = line;
  }
}
