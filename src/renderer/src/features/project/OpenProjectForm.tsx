import { useState, type FormEvent } from 'react';
import type { AppInfo } from '../../../../shared/api/contract';
import type { ProjectSummary } from '../../../../shared/project/project-types';
import { useApi } from '../../api/api-context';
import { call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import { FolderField } from './FolderField';

export function OpenProjectForm(props: { appInfo: AppInfo | null; onOpened(project: ProjectSummary): void }) {
  const api = useApi();
  const run = useAction();
  const [dir, setDir] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const project = await run(async () => call(await api.project.open({ dir })));
    setBusy(false);
    if (project) props.onOpened(project);
  };

  return (
    <form className="card picker-card" onSubmit={submit} aria-labelledby="open-project-title">
      <h2 id="open-project-title" className="card__title">
        Open a project
      </h2>
      <p className="muted">A folder created by Selfie Lab (it holds a project.json).</p>
      <FolderField
        id="open-project-dir"
        testId="open-project-dir"
        label="Folder"
        value={dir}
        onChange={setDir}
        placeholder="/path/to/project"
        nativeDialogs={props.appInfo?.nativeDialogs ?? false}
        purpose="open"
      />
      <button type="submit" className="button button--primary" data-testid="open-project-submit" disabled={busy}>
        {busy ? 'Opening…' : 'Open project'}
      </button>
    </form>
  );
}
