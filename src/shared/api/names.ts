/**
 * The contract's method and event names, without the schemas, for the sandboxed preload (which must stay
 * small and dependency-free). contract.ts checks at compile time that these lists match its entries exactly.
 */
export const methodNameList = [
  'app.info',
  'ml.backend',
  'project.current',
  'project.create',
  'project.open',
  'project.close',
  'project.recent',
  'project.forgetRecent',
  'project.updateSettings',
  'posts.summary',
  'posts.columns',
  'posts.rows',
  'posts.get',
  'posts.thumbnails',
  'posts.thumbnailsById',
  'labels.population',
  'labels.save',
  'labels.list',
  'labels.get',
  'labels.rename',
  'labels.remove',
  'labels.compare',
  'faces.summary',
  'faces.columns',
  'faces.image',
  'faces.images',
  'faces.setRule',
  'faces.setOverride',
  'train.capabilities',
  'runs.list',
  'runs.get',
  'runs.predictions',
  'runs.evaluation',
  'runs.slices',
  'runs.sweeps',
  'runs.embeddingMap',
  'runs.remove',
  'raters.list',
  'raters.create',
  'raters.rename',
  'raters.remove',
  'ratings.sessions',
  'ratings.createSession',
  'ratings.removeSession',
  'ratings.next',
  'ratings.image',
  'ratings.rate',
  'ratings.judge',
  'ratings.undo',
  'ratings.compare',
  'ratings.ranking',
  'dialog.pickFolder',
  'dialog.pickFile',
  'jobs.kinds',
  'jobs.list',
  'jobs.start',
  'jobs.cancel',
  'jobs.resume',
  'jobs.remove',
] as const;

export const eventNameList = ['job.updated', 'project.changed', 'ratings.changed', 'ml.backend'] as const;

export type MethodName = (typeof methodNameList)[number];
export type EventName = (typeof eventNameList)[number];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (methodNameList as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNameList as readonly string[]).includes(name);
}
