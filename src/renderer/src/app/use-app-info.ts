import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api/contract';
import { useApi } from '../api/api-context';

/** Shell facts (native dialogs? home directory?); null until known or when the call failed. */
export function useAppInfo(): AppInfo | null {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    void api.app.info().then((result) => {
      if (live && result.ok) setInfo(result.value);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return info;
}
