import { useState, type FormEvent } from 'react';
import type { AppInfo } from '../../../../shared/api/contract';
import type { ProjectSummary } from '../../../../shared/project/project-types';
import { useApi } from '../../api/api-context';
import { call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import { FolderField } from './FolderField';
import { suggestedProjectPath } from './suggested-path';

export function CreateProjectForm(props: { appInfo: AppInfo | null; onOpened(project: ProjectSummary): void }) {
  const api = useApi();
  const run = useAction();
  const [dir, setDir] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const trimmedName = name.trim();
    const project = await run(async () =>
      call(await api.project.create(trimmedName ? { dir, name: trimmedName } : { dir })),
    );
    setBusy(false);
    if (project) props.onOpened(project);
  };

  return (
    <form className="card picker-card" onSubmit={submit} aria-labelledby="create-project-title">
      <h2 id="create-project-title" className="card__title">
        New project
      </h2>
      <p className="muted">A project is a folder: posts, faces, labels, runs and ratings live in it as files.</p>
      <FolderField
        id="create-project-dir"
        testId="create-project-dir"
        label="Folder"
        value={dir}
        onChange={setDir}
        placeholder={suggestedProjectPath(props.appInfo)}
        nativeDialogs={props.appInfo?.nativeDialogs ?? false}
        purpose="create"
      />
      <div className="field">
        <label htmlFor="create-project-name">
          Name <span className="muted">(optional, defaults to the folder name)</span>
        </label>
        <input
          id="create-project-name"
          data-testid="create-project-name"
          type="text"
          value={name}
          placeholder="My selfie study"
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary" data-testid="create-project-submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create project'}
      </button>
    </form>
  );
}
