import { afterEach, describe, expect, it } from 'vitest';
import { MlHost } from '../../src/main/core/ml/ml-host';

describe('the ML host process', () => {
  let host: MlHost | undefined;
  afterEach(async () => host?.dispose());

  it('resolves the backends in order and says why each earlier one was skipped', async () => {
    host = new MlHost();
    const info = await host.backend();
    const tried = info.attempts.map((attempt) => attempt.backend);
    expect(tried.indexOf(info.backend)).toBe(tried.length - 1);
    expect(tried.slice(0, 2)).toEqual(['tensorflow-gpu', 'tensorflow']);
    for (const skipped of info.attempts.filter((a) => !a.ok)) expect(skipped.reason).toMatch(/\S/);
    if (info.backend === 'wasm') {
      // Offline installs lack the native packages; the wasm files come from the package folder, not a CDN.
      expect(info.device).toContain('wasm');
      expect(info.capabilities.convolutionGradients).toBe(false);
    }
    expect(info.version).toBe('4.22.0');
  });

  it('honours a forced backend and computes the same product on it', async () => {
    host = new MlHost({ backend: 'cpu' });
    const info = await host.backend();
    expect(info).toMatchObject({ backend: 'cpu', forced: 'cpu', device: 'CPU (pure JavaScript)' });
    expect(info.capabilities.convolutionGradients).toBe(true);
    const result = await host.call('benchmark', { iterations: 3, size: 32 });
    expect(result).toMatchObject({ backend: 'cpu', iterations: 3, size: 32 });
    expect(await host.call('memory', {})).toMatchObject({ numTensors: 0 });
  });

  it('fails pending calls with ML_BACKEND when the process dies, and starts afresh on the next call', async () => {
    host = new MlHost();
    await host.backend();
    const pid = host.processId!;
    const pending = host.call('benchmark', { iterations: 100_000, size: 128 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(pid, 'SIGKILL');
    await expect(pending).rejects.toMatchObject({ code: 'ML_BACKEND', message: expect.stringContaining('stopped unexpectedly') });
    const again = await host.backend();
    expect(host.processId).not.toBe(pid);
    expect(again.backend).toBeTruthy();
  });
});
