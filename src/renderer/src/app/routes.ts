/** The workspace pages, in sidebar order; Alt+1…Alt+6 follow this order. The id is also the URL hash (#/train). */
export const pages = [
  { id: 'dataset', title: 'Dataset', hint: 'Posts, likes and followers' },
  { id: 'faces', title: 'Faces', hint: 'Exactly one face per image' },
  { id: 'labels', title: 'Labels', hint: 'Good and bad selfies' },
  { id: 'train', title: 'Train', hint: 'Backbone + head' },
  { id: 'rate', title: 'Rate', hint: 'Blind human ratings' },
  { id: 'compare', title: 'Compare', hint: 'You vs Instagram vs model' },
] as const;

export type PageId = (typeof pages)[number]['id'];

export const defaultPage: PageId = 'dataset';

export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return pages.find((page) => page.id === id)?.id ?? defaultPage;
}

export function hashFor(page: PageId): string {
  return `#/${page}`;
}
