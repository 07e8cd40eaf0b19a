import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRow } from '../../../src/main/core/import/manifest/csv-parser';

function parse(text: string, chunkSizes?: number[] | number): CsvRow[] {
  const parser = new CsvParser();
  const rows: CsvRow[] = [];
  if (chunkSizes === undefined) rows.push(...parser.push(text));
  else {
    let at = 0;
    let index = 0;
    while (at < text.length) {
      const size = typeof chunkSizes === 'number' ? chunkSizes : chunkSizes[index++ % chunkSizes.length]!;
      rows.push(...parser.push(text.slice(at, at + size)));
      at += size;
    }
  }
  rows.push(...parser.end());
  return rows;
}

const tricky =
  '\uFEFFid,caption,n\r\n' +
  '1,"a, b",2\r\n' +
  '2,"line one\r\nline two\nline three",3\r\n' +
  '3,"say ""hi""",4\n' +
  '\n' +
  '4,,\r' +
  '5,"",""\r\n' +
  '6,"ends with quote""",7\r\n' +
  '7,last,8';

describe('CSV parsing (RFC 4180)', () => {
  it('splits fields, unquotes, unescapes "" and drops the BOM', () => {
    expect(parse(tricky)).toEqual<CsvRow[]>([
      { fields: ['id', 'caption', 'n'], line: 1 },
      { fields: ['1', 'a, b', '2'], line: 2 },
      { fields: ['2', 'line one\r\nline two\nline three', '3'], line: 3 },
      { fields: ['3', 'say "hi"', '4'], line: 6 },
      { fields: ['4', '', ''], line: 8 }, // line 7 is blank; this row ends with a lone CR
      { fields: ['5', '', ''], line: 9 },
      { fields: ['6', 'ends with quote"', '7'], line: 10 },
      { fields: ['7', 'last', '8'], line: 11 },
    ]);
  });

  it('gives the same rows however the input is cut into chunks', () => {
    const whole = parse(tricky);
    for (let cut = 1; cut < tricky.length; cut++) {
      const parser = new CsvParser();
      const rows = [...parser.push(tricky.slice(0, cut)), ...parser.push(tricky.slice(cut)), ...parser.end()];
      expect(rows, `cut at ${cut}`).toEqual(whole);
    }
    expect(parse(tricky, 1)).toEqual(whole);
    expect(parse(tricky, [2, 3, 5, 7])).toEqual(whole);
  });

  it('handles a trailing line break or none, and a trailing empty field', () => {
    expect(parse('a,b\n1,2\n')).toEqual(parse('a,b\n1,2'));
    expect(parse('a,b\r\n1,\r\n')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', ''], line: 2 },
    ]);
    expect(parse('a,b\n1,')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', ''], line: 2 },
    ]);
    expect(parse('')).toEqual([]);
    expect(parse('\n\r\n')).toEqual([]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parse('h\n5\'11"\n')).toEqual([
      { fields: ['h'], line: 1 },
      { fields: ['5\'11"'], line: 2 },
    ]);
  });

  it('marks text after a closing quote as an error, and goes on with the next row', () => {
    const rows = parse('a,b\n"x"y,1\n2,3\n');
    expect(rows[1]).toMatchObject({ line: 2, error: 'text follows the closing quote of field 1' });
    expect(rows[1]!.fields).toHaveLength(2);
    expect(rows[2]).toEqual({ fields: ['2', '3'], line: 3 });
  });

  it('reports a quote left open at the end at the line where its row starts', () => {
    const rows = parse('a,b\n1,2\n3,"open\n4,5\n6,7');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({ line: 3, error: 'a quoted field opened on line 3 is never closed' });
    for (let cut = 1; cut < 24; cut++) {
      const parser = new CsvParser();
      const text = 'a,b\n1,2\n3,"open\n4,5\n6,7';
      expect([...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut)), ...parser.end()]).toEqual(rows);
    }
  });

  it('stops at a runaway row instead of buffering the whole file', () => {
    const parser = new CsvParser({ maxRowLength: 100 });
    const rows = [...parser.push('a,b\n1,"'), ...parser.push('x'.repeat(200))];
    expect(rows[0]).toEqual({ fields: ['a', 'b'], line: 1 });
    expect(rows[1]).toMatchObject({ line: 2 });
    expect(rows[1]!.error).toContain('longer than 100 characters');
    expect(parser.isStopped).toBe(true);
    expect(parser.push('more\n')).toEqual([]);
    expect(parser.end()).toEqual([]);
  });
});
