import type { PairRanking } from '../../../../shared/rating/rating-types';

export interface RankingRow {
  postId: string;
  /** Log-strength θ (mean 0); e^(θᵢ − θⱼ) is the odds that i beats j. */
  strength: number;
  wins: number;
  comparisons: number;
  /** Instagram label: 1 good, −1 bad, 0 none. */
  label: number;
}

/** The ranked items, strongest first (ties keep the session's order); items never compared go last. */
export function rankingRows(ranking: PairRanking): RankingRow[] {
  const { items, strength, wins, comparisons } = ranking.ranking;
  const rows = items.map((postId, i) => ({ postId, strength: strength[i] ?? 0, wins: wins[i] ?? 0, comparisons: comparisons[i] ?? 0, label: ranking.label[i] ?? 0 }));
  return rows
    .map((row, order) => ({ row, order }))
    .sort((a, b) => Number(b.row.comparisons > 0) - Number(a.row.comparisons > 0) || b.row.strength - a.row.strength || a.order - b.order)
    .map(({ row }) => row);
}

/** Share of Instagram-good images among the labeled ones of a slice of rows; null when none is labeled. */
export function goodShare(rows: readonly RankingRow[]): { good: number; labeled: number; share: number | null } {
  const labeled = rows.filter((row) => row.label !== 0);
  const good = labeled.filter((row) => row.label === 1).length;
  return { good, labeled: labeled.length, share: labeled.length === 0 ? null : good / labeled.length };
}
