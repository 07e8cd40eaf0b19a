/** The TensorFlow.js backends Selfie Lab can run on, in the order they are tried (DESIGN.md). */
export const backendPreference = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof backendPreference)[number];

/** The npm package that provides each backend. The first two are optional: their install needs the internet. */
export const backendPackages: Record<BackendName, string> = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  tensorflow: '@tensorflow/tfjs-node',
  wasm: '@tensorflow/tfjs-backend-wasm',
  cpu: '@tensorflow/tfjs-backend-cpu',
};

export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  /** Why it could not be used, e.g. "package not installed". */
  reason?: string;
}

export interface BackendInfo {
  /** The backend in use. */
  backend: BackendName;
  /** tfjs-core version. */
  version: string;
  /** Human-readable device, e.g. "CPU (wasm, SIMD, 2 threads)" or "GPU (CUDA)". */
  device: string;
  /** Capabilities that decide which training modes the UI offers. */
  capabilities: { convolutionGradients: boolean; gpu: boolean };
  /** Every backend tried, in order, with the reason each earlier one was skipped. */
  attempts: BackendAttempt[];
  /** Set when the user forced a backend (SELFIE_LAB_BACKEND or --backend). */
  forced?: BackendName;
}

export function isBackendName(value: string): value is BackendName {
  return (backendPreference as readonly string[]).includes(value);
}

/** One line for headers and CLI output: "wasm · CPU (SIMD) · tfjs 4.22.0". */
export function describeBackend(info: BackendInfo): string {
  return `${info.backend} · ${info.device} · tfjs ${info.version}`;
}
