import { createApi, type Api } from '../../../shared/api/client';
import type { Workbench } from '../workbench';

/**
 * The third transport: calls the workbench directly, with a structured clone each way so tests see exactly
 * what a serialising transport (IPC, HTTP) would deliver.
 */
export function createInMemoryApi(workbench: Workbench): Api {
  return createApi({
    invoke: async (method, input) => structuredClone(await workbench.dispatch(method, structuredClone(input))),
    subscribe: (event, listener) =>
      workbench.subscribe((name, payload) => {
        if (name === event) listener(structuredClone(payload));
      }),
  });
}
