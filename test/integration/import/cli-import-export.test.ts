import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp';

const bin = resolve(import.meta.dirname, '../../../bin/selfie-lab.js');

/** Splits CSV text into rows of fields (RFC 4180), independently of the app's own parser. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') field += ch;
  }
  return rows;
}

describe('selfie-lab import and export posts', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const env = () => ({ ...process.env, SELFIE_LAB_CONFIG_DIR: join(dir, 'config') });
  const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: env(), timeout: 120_000 });

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await mkdir(join(dir, 'img'));
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c08040' } }).jpeg().toFile(join(dir, 'img', 'one.jpg'));
    const t0 = Date.parse('2016-03-01T10:00:00Z') / 1000;
    await writeFile(
      join(dir, 'posts.csv'),
      '\ufeffPost_ID,Image,Owner_ID,Owner_Name,Followers,Likes,Comments,Posted_At,Captured_At,Hashtags,Caption,true_quality\r\n' +
        `9007199254740993123,img/one.jpg,18446744073709551615,zoë,2500,120,7,${t0},2016-03-09T10:00:00Z,"#Selfie, me","Quoted ""caption"", with comma",0.75\r\n` +
        `9007199254740993124,img/one.jpg,18446744073709551615,zoë,2500,,1,${t0},${t0 + 3600},,video day #vlog,-0.2\r\n`,
    );
    expect(cli(['init', join(dir, 'p')]).status).toBe(0);
  });
  afterAll(async () => cleanup());

  it('imports with a report, then exports one row per post with every field', async () => {
    const result = cli(['import', join(dir, 'posts.csv'), '--project', join(dir, 'p'), '--json']);
    expect(result.status, result.stderr).toBe(0);
    const value = JSON.parse(result.stdout).value;
    expect(value.import.counts).toMatchObject({ imported: 2, failed: 0 });
    expect(value.images).toMatchObject({ analysed: 2, failed: 0, duplicates: { exact: 1, near: 0 } });

    const text = cli(['import', join(dir, 'posts.csv'), '--project', join(dir, 'p'), '--no-images']);
    expect(text.stdout).toContain('0 imported');
    expect(text.stdout).toContain('2 unchanged');

    const out = join(dir, 'posts-export.csv');
    const exported = cli(['export', 'posts', '--project', join(dir, 'p'), '--out', out]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('Wrote 2 posts');
    const [header, first, second] = parseCsv(await readFile(out, 'utf8'));
    expect(header).toEqual([
      'post_id', 'shortcode', 'owner_id', 'owner_name', 'followers', 'likes', 'comments', 'posted_at', 'captured_at', 'n_snapshots',
      'deleted', 'n_hashtags', 'hashtags', 'n_images', 'image', 'is_video', 'duplicate_of', 'duplicate_kind', 'true_quality',
    ]);
    expect(first).toEqual([
      '9007199254740993123', '', '18446744073709551615', 'zoë', '2500', '120', '7', '2016-03-01T10:00:00.000Z', '2016-03-09T10:00:00.000Z', '1',
      'false', '2', 'selfie me', '1', join(dir, 'img', 'one.jpg'), 'false', '', '', '0.75',
    ]);
    // The second post was captured one hour after posting: no snapshot is 7 days old, so it has no likes label.
    expect(second).toEqual([
      '9007199254740993124', '', '18446744073709551615', 'zoë', '2500', '', '', '2016-03-01T10:00:00.000Z', '', '1',
      'false', '1', 'vlog', '1', join(dir, 'img', 'one.jpg'), 'false', '9007199254740993123', 'exact', '-0.2',
    ]);

    const jsonl = join(dir, 'posts.jsonl');
    expect(cli(['export', 'posts', '--project', join(dir, 'p'), '--out', jsonl]).status).toBe(0);
    const lines = (await readFile(jsonl, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ post_id: '9007199254740993123', followers: 2500, likes: 120, deleted: false, true_quality: '0.75' });
  });

  it('explains bad usage and missing input', () => {
    const noProject = cli(['import', join(dir, 'posts.csv')]);
    expect(noProject.status).toBe(2);
    expect(noProject.stderr).toContain('--project');
    const missing = cli(['import', join(dir, 'nope.csv'), '--project', join(dir, 'p')]);
    expect(missing.status).toBe(2); // a path that does not exist is bad input
    expect(missing.stderr).toContain('nope.csv does not exist');
    const badOut = cli(['export', 'posts', '--project', join(dir, 'p'), '--out', join(dir, 'x.xlsx')]);
    expect(badOut.stderr).toContain('.csv or .jsonl');
  });
});
