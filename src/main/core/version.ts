// Kept in step with package.json by test/unit/version.test.ts (bundles cannot read package.json at run time).
export const appVersion = '0.1.0';
