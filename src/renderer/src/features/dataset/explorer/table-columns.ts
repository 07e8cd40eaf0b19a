import type { PostRow } from '../../../../../shared/posts/post-views';
import type { PostColumns } from '../data/post-columns';
import type { SortKey } from '../data/post-sort';
import { formatDate, formatDays, formatInteger, formatRatio } from '../format';

/** One column of the posts table: numbers come from the typed columns at once, text from the row cache. */
export interface TableColumn {
  id: string;
  title: string;
  /** Sortable columns name their sort key; their header is a button with test id `sort-<id>`. */
  sort?: SortKey;
  numeric?: boolean;
  width: string;
  cell(row: number, columns: PostColumns, post: PostRow | undefined): string;
  tooltip?: string;
}

export const tableColumns: TableColumn[] = [
  { id: 'id', title: 'Post', width: 'minmax(150px, 1.5fr)', cell: (_row, _c, post) => post?.id ?? '…' },
  { id: 'owner', title: 'Owner', width: 'minmax(110px, 1.3fr)', cell: (_row, _c, post) => (post ? (post.ownerName ?? post.ownerId ?? '—') : '…') },
  { id: 'followers', title: 'Followers', sort: 'followers', numeric: true, width: 'minmax(84px, 1fr)', cell: (row, c) => formatInteger(c.followers[row]) },
  {
    id: 'likes',
    title: 'Likes',
    sort: 'likes',
    numeric: true,
    width: 'minmax(70px, 0.9fr)',
    cell: (row, c) => formatInteger(c.likes[row]),
    tooltip: 'Likes of the labeled snapshot (the first captured at least the minimum days after posting)',
  },
  {
    id: 'ratio',
    title: 'Likes per follower',
    sort: 'likesPerFollower',
    numeric: true,
    width: 'minmax(92px, 1fr)',
    cell: (row, c) => formatRatio(c.likesPerFollower[row]),
    tooltip: '(1 + likes) / (1 + followers)',
  },
  { id: 'age', title: 'Age at capture', sort: 'ageDays', numeric: true, width: 'minmax(96px, 1fr)', cell: (row, c) => formatDays(c.ageDays[row]) },
  { id: 'hashtags', title: 'Hashtags', sort: 'hashtags', numeric: true, width: 'minmax(88px, 0.8fr)', cell: (row, c) => formatInteger(c.hashtags[row]) },
  { id: 'comments', title: 'Comments', sort: 'comments', numeric: true, width: 'minmax(92px, 0.8fr)', cell: (row, c) => formatInteger(c.comments[row]) },
  { id: 'posted', title: 'Posted', sort: 'postedAt', width: 'minmax(92px, 1fr)', cell: (row, c) => formatDate(c.postedAt[row]) },
  {
    id: 'flags',
    title: 'Flags',
    width: 'minmax(110px, 1fr)',
    cell: (row, c, post) => {
      const flags: string[] = [];
      if (c.deleted[row]) flags.push('deleted');
      if (c.duplicate[row] === 1) flags.push(post?.duplicateOf ? `dup. of ${post.duplicateOf}` : 'duplicate');
      if (c.duplicate[row] === 2) flags.push(post?.duplicateOf ? `near dup. of ${post.duplicateOf}` : 'near duplicate');
      if (c.isVideo[row]) flags.push('video');
      return flags.join(', ');
    },
  },
];

export const tableTemplate = tableColumns.map((column) => column.width).join(' ');
