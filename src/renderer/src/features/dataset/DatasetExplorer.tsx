import { useCallback, useMemo, useState } from 'react';
import { useAction } from '../../app/error-context';
import type { PostData } from './data/use-post-data';
import { useExplorer } from './data/use-explorer';
import { useRowCaches } from './data/use-row-caches';
import { PostDetailDrawer } from './detail/PostDetailDrawer';
import { usePostDetail } from './detail/use-post-detail';
import { ExplorerToolbar } from './explorer/ExplorerToolbar';
import { PostGrid } from './explorer/PostGrid';
import { PostTable } from './explorer/PostTable';
import { positionOf } from './explorer/use-visible-range';
import { PostScatter } from './scatter/PostScatter';

/** Filters, the likes/followers scatter, the grid or table of posts, and the selected post's drawer. */
export function DatasetExplorer({ data }: { data: PostData }) {
  const { columns, version } = data;
  const run = useAction();
  const explorer = useExplorer(columns);
  const caches = useRowCaches(version);
  const [selectedRow, setSelectedRow] = useState<number | null>(null);
  const detail = usePostDetail(selectedRow, caches, version);
  const { visible } = explorer;
  const position = useMemo(() => positionOf(visible, selectedRow), [visible, selectedRow]);

  const open = useCallback((row: number) => setSelectedRow(row), []);
  const close = useCallback(() => setSelectedRow(null), []);
  const step = (direction: -1 | 1) => {
    const next = visible[position + direction];
    if (position >= 0 && next !== undefined) setSelectedRow(next);
  };
  const openPost = (id: string) =>
    void run(async () => {
      setSelectedRow(await detail.loadById(id));
    });

  return (
    <div className={selectedRow === null ? 'explorer' : 'explorer explorer--with-detail'}>
      <div className="explorer__main">
        <ExplorerToolbar explorer={explorer} total={columns.count} minDays={columns.minDays} />
        <PostScatter columns={columns} filters={explorer.appliedFilters} onOpen={open} />
        {explorer.view === 'grid' ? (
          <PostGrid columns={columns} visible={visible} caches={caches} selectedRow={selectedRow} onOpen={open} />
        ) : (
          <PostTable
            columns={columns}
            visible={visible}
            caches={caches}
            sort={explorer.sort}
            onSort={explorer.setSort}
            selectedRow={selectedRow}
            onOpen={open}
          />
        )}
      </div>
      {selectedRow !== null ? (
        <PostDetailDrawer state={detail} position={position} total={visible.length} onClose={close} onStep={step} onOpenPost={openPost} />
      ) : null}
    </div>
  );
}
