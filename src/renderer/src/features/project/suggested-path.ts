import type { AppInfo } from '../../../../shared/api/contract';

/** Where a new project could go, shown as a placeholder: "<home>/selfie-lab-projects/my-study". */
export function suggestedProjectPath(info: AppInfo | null): string {
  if (!info || !info.homeDir) return '/path/to/selfie-lab-projects/my-study';
  const separator = info.platform === 'win32' ? '\\' : '/';
  const home = info.homeDir.replace(/[\\/]+$/, '');
  return [home, 'selfie-lab-projects', 'my-study'].join(separator);
}
