/** The only two IPC channels between the preload and the main process; the preload refuses everything else. */
export const ipcChannels = {
  /** renderer -> main: (method: MethodName, input: unknown) => Result */
  invoke: 'selfie-lab:invoke',
  /** main -> renderer: (event: EventName, payload) */
  event: 'selfie-lab:event',
} as const;
