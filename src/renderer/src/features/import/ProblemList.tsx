import { useState } from 'react';
import type { ImportProblem, ImportProblemCode } from '../../../../shared/posts/imported-post';
import { fileName } from '../dataset/format';

const codeMeaning: Record<ImportProblemCode, string> = {
  BAD_ROW: 'manifest rows that cannot be read (skipped, never coerced)',
  MISSING_COLUMN: 'manifests without a required column',
  CORRUPT_FILE: 'files that cannot be read',
  NOT_INSTALOADER: 'JSON files that are not Instaloader metadata',
  MISSING_IMAGE: 'posts whose image file is missing',
  ORPHAN_IMAGE: 'images without metadata',
  COLLISION: 'posts saved in the same second under one file name',
  DOWNLOAD_FAILED: 'image downloads that failed',
  UNSUPPORTED: 'recognised but unsupported content',
};

const shownPerCode = 5;

/** "manifest.csv:14 — likes: "abc" is not a count", with the full path in the tooltip. */
export function ProblemLine({ problem }: { problem: ImportProblem }) {
  const where = `${fileName(problem.file)}${problem.line ? `:${problem.line}` : ''}`;
  return (
    <li className={`problem problem--${problem.severity}`}>
      <code className="problem__where" title={`${problem.file}${problem.line ? `:${problem.line}` : ''}`}>
        {where}
      </code>
      <span className="problem__message"> — {problem.message}</span>
    </li>
  );
}

function ProblemGroup(props: { code: ImportProblemCode; count: number; problems: ImportProblem[] }) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? props.problems : props.problems.slice(0, shownPerCode);
  return (
    <li className="problem-group" data-code={props.code}>
      <p className="problem-group__title">
        <span className="badge badge--code">{props.code}</span> <strong>× {props.count.toLocaleString('en-US')}</strong>{' '}
        <span className="muted">· {codeMeaning[props.code] ?? 'problems'}</span>
      </p>
      <ul className="problem-group__list">
        {shown.map((problem, index) => (
          <ProblemLine key={index} problem={problem} />
        ))}
      </ul>
      {props.problems.length > shownPerCode ? (
        <button type="button" className="link-button" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${props.problems.length} listed`}
        </button>
      ) : null}
    </li>
  );
}

/** Problems grouped by code, the first few of each listed with file and line. */
export function ProblemList(props: { byCode: Partial<Record<ImportProblemCode, number>>; problems: ImportProblem[]; truncated: number }) {
  const codes = (Object.keys(props.byCode) as ImportProblemCode[]).sort((a, b) => (props.byCode[b] ?? 0) - (props.byCode[a] ?? 0));
  if (codes.length === 0) return <p className="muted">No problems: every row and file was read.</p>;
  return (
    <>
      <ul className="problem-groups" data-testid="import-problems">
        {codes.map((code) => (
          <ProblemGroup key={code} code={code} count={props.byCode[code] ?? 0} problems={props.problems.filter((problem) => problem.code === code)} />
        ))}
      </ul>
      {props.truncated > 0 ? (
        <p className="muted">
          {props.truncated.toLocaleString('en-US')} more problems are counted above but not listed.
        </p>
      ) : null}
    </>
  );
}
