import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context';
import { call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import { useAppInfo } from '../../app/use-app-info';
import { emptyImportForm, formatLabels, parsePaths, toImportParams, type ImportFormat, type ImportFormValues, type ImportJobParams } from './import-form';
import { PathsField } from './PathsField';

/** Where to import from and how; submitting starts an import job (its progress and report show below). */
export function ImportForm(props: {
  busy: boolean;
  onStart(params: ImportJobParams): Promise<boolean>;
  onCancel?(): void;
  autoFocus?: boolean;
}) {
  const api = useApi();
  const run = useAction();
  const nativeDialogs = useAppInfo()?.nativeDialogs ?? false;
  const [values, setValues] = useState<ImportFormValues>(emptyImportForm);
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof ImportFormValues>(key: K, value: ImportFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const pathCount = parsePaths(values.paths).length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let params: ImportJobParams;
    try {
      params = toImportParams(values);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      return;
    }
    setProblem(null);
    if (await props.onStart(params)) setValues((current) => ({ ...current, paths: '' }));
  };
  const browseFollowers = () =>
    void run(async () => {
      const picked = call(await api.dialog.pickFile({ title: 'Followers CSV', filters: [{ name: 'CSV', extensions: ['csv'] }] }));
      if (picked !== null) set('followersFile', picked);
    });

  return (
    <form className="import-form" onSubmit={submit} aria-label="Import posts" data-testid="import-form">
      <PathsField value={values.paths} onChange={(paths) => set('paths', paths)} nativeDialogs={nativeDialogs} autoFocus={props.autoFocus} />
      <div className="import-form__options">
        <div className="field">
          <label htmlFor="import-format">Format</label>
          <select id="import-format" data-testid="import-format" value={values.format} onChange={(event) => set('format', event.target.value as ImportFormat)}>
            {(Object.keys(formatLabels) as ImportFormat[]).map((format) => (
              <option key={format} value={format}>
                {formatLabels[format]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-captured-at">
            Captured at <span className="muted">(optional)</span>
          </label>
          <input id="import-captured-at" data-testid="import-captured-at" type="datetime-local" value={values.capturedAt} onChange={(event) => set('capturedAt', event.target.value)} />
          <p className="field__help">
            When these files were downloaded. Use it when file times were lost by copying, unzipping or git; otherwise
            each file&apos;s time (or the manifest&apos;s captured_at) is used.
          </p>
        </div>
        <div className="field">
          <label htmlFor="import-followers">
            Followers CSV <span className="muted">(optional)</span>
          </label>
          <div className="field__row">
            <input id="import-followers" data-testid="import-followers" type="text" spellCheck={false} value={values.followersFile} placeholder="owner_id or owner_name, followers" onChange={(event) => set('followersFile', event.target.value)} />
            {nativeDialogs ? (
              <button type="button" className="button" onClick={browseFollowers}>
                Browse…
              </button>
            ) : null}
          </div>
          <p className="field__help">Fills follower counts the posts lack (Instaloader hashtag downloads carry none).</p>
        </div>
        <div className="field">
          <label htmlFor="import-target">
            Target name <span className="muted">(optional)</span>
          </label>
          <input id="import-target" data-testid="import-target" type="text" value={values.target} placeholder="#selfie" onChange={(event) => set('target', event.target.value)} />
          <p className="field__help">What was collected. Defaults to the folder name or the manifest&apos;s file name.</p>
        </div>
      </div>
      <label className="check">
        <input type="checkbox" data-testid="import-download" checked={values.downloadImages} onChange={(event) => set('downloadImages', event.target.checked)} />
        Download image URLs of manifests into the project&apos;s images/ folder
      </label>
      {problem ? (
        <p className="import-form__problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="import-form__actions">
        <button type="submit" className="button button--primary" data-testid="import-submit" disabled={props.busy || pathCount === 0}>
          {props.busy ? 'Import running…' : pathCount > 1 ? `Import ${pathCount} sources` : 'Import'}
        </button>
        {props.onCancel ? (
          <button type="button" className="button button--quiet" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
