import { useApi } from '../../api/api-context';
import { call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import { appendPaths } from './import-form';

export const manifestFilters = [{ name: 'Manifests', extensions: ['csv', 'jsonl', 'ndjson'] }];

/** The folders and manifests to import, one per line; the desktop app adds "Add folder…" and "Add manifest…". */
export function PathsField(props: { value: string; onChange(value: string): void; nativeDialogs: boolean; autoFocus?: boolean }) {
  const api = useApi();
  const run = useAction();
  const add = (pick: () => Promise<string | null>) =>
    void run(async () => {
      const picked = await pick();
      if (picked !== null) props.onChange(appendPaths(props.value, [picked]));
    });
  return (
    <div className="field import-form__paths">
      <label htmlFor="import-paths">Folders or manifests</label>
      <textarea
        id="import-paths"
        data-testid="import-paths"
        rows={3}
        value={props.value}
        spellCheck={false}
        autoComplete="off"
        // Focus follows the user's own click on "Import posts…", so this does not steal it on page load.
        autoFocus={props.autoFocus}
        placeholder={'/data/instaloader/day0/#selfie\n/data/instaloader/day7/#selfie'}
        aria-describedby="import-paths-help"
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.nativeDialogs ? (
        <div className="field__row">
          <button
            type="button"
            className="button button--small"
            onClick={() => add(async () => call(await api.dialog.pickFolder({ purpose: 'import', title: 'Import an Instaloader download folder' })))}
          >
            Add folder…
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => add(async () => call(await api.dialog.pickFile({ title: 'Import a CSV or JSONL manifest', filters: manifestFilters })))}
          >
            Add manifest…
          </button>
        </div>
      ) : null}
      <p id="import-paths-help" className="field__help">
        One path per line: Instaloader download folders, or CSV/JSONL manifests.
        {props.nativeDialogs ? ' You can also drop folders and files on this page.' : ' Paths are on the machine running selfie-lab serve.'}{' '}
        Several folders of the same hashtag downloaded on different days (say day 0 and day 7) become like snapshots of the
        same posts: import them together, or one after the other.
      </p>
    </div>
  );
}
