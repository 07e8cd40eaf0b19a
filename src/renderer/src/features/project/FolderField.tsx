import { useApi } from '../../api/api-context';
import { call } from '../../api/api-error';
import { useAction } from '../../app/error-context';

/** A folder path input; in the desktop app it gets a "Browse…" button that opens the native folder picker. */
export function FolderField(props: {
  id: string;
  testId: string;
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder: string;
  nativeDialogs: boolean;
  purpose: 'open' | 'create';
}) {
  const api = useApi();
  const run = useAction();
  const browse = () =>
    void run(async () => {
      const title = props.purpose === 'create' ? 'Choose a folder for the new project' : 'Open a Selfie Lab project';
      const picked = call(await api.dialog.pickFolder({ purpose: props.purpose, title }));
      if (picked !== null) props.onChange(picked);
    });
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <div className="field__row">
        <input
          id={props.id}
          data-testid={props.testId}
          type="text"
          value={props.value}
          placeholder={props.placeholder}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => props.onChange(event.target.value)}
        />
        {props.nativeDialogs ? (
          <button type="button" className="button" onClick={browse}>
            Browse…
          </button>
        ) : null}
      </div>
    </div>
  );
}
