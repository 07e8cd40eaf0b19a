import type { KappaStat, McNemarStat, ProportionStat } from '../shared/rating/agreement-statistics';
import type { CompareTable } from '../shared/rating/rating-types';

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** "71.2% [58.3%, 81.4%] (37/52)", or the reason it is not defined. */
export function formatProportion(stat: ProportionStat | null): string {
  if (!stat) return 'no model';
  if (stat.value === null) return `${stat.reason ?? 'not defined'} (n = ${stat.n})`;
  const ci = stat.ci ? ` [${percent(stat.ci.low)}, ${percent(stat.ci.high)}]` : '';
  return `${percent(stat.value)}${ci} (${stat.successes}/${stat.n})`;
}

export function formatKappa(stat: KappaStat): string {
  const agreement = stat.agreement === null ? 'agreement not defined' : `agreement ${percent(stat.agreement)}`;
  // The reason already says "not defined: …" or "no interval: …"; it stands in for the missing number.
  const kappa = stat.kappa === null ? `kappa ${stat.reason ?? 'not defined'}` : `kappa ${stat.kappa.toFixed(3)}${stat.ci ? ` [${stat.ci.low.toFixed(3)}, ${stat.ci.high.toFixed(3)}]` : ` (${stat.reason ?? 'no interval'})`}`;
  return `${agreement}, ${kappa}, n = ${stat.n}`;
}

export function formatMcNemar(stat: McNemarStat | null): string {
  if (!stat) return 'no model';
  if (stat.exactP === null) return `${stat.reason ?? 'not defined'} (n = ${stat.n})`;
  const chi = stat.chiSquare === null ? '' : `, χ² ${stat.chiSquare.toFixed(3)} p ${stat.chiSquareP!.toFixed(4)}`;
  return `rater-only right ${stat.aOnlyCorrect}, model-only right ${stat.bOnlyCorrect}: exact p ${stat.exactP.toFixed(4)}${chi} (n = ${stat.n})`;
}

/** `selfie-lab ratings stats` as text. */
export function formatAgreementReport(table: CompareTable): string {
  const lines: string[] = [];
  const names = new Map(table.raters.map((r) => [r.rater, r.name]));
  lines.push(`Label set: ${table.labelSet ? `${table.labelSet.name} (v${table.labelSet.version}, ${table.labelSet.id})` : 'none'}`);
  lines.push(`Model run: ${table.run ? table.run.id : 'none (train one to compare with the model)'}`);
  const scope = [table.scope.split ? `${table.scope.split} split` : null, table.scope.session ? `session ${table.scope.session}` : null].filter(Boolean);
  lines.push(`Rated images: ${table.postId.length}${scope.length > 0 ? ` (${scope.join(', ')})` : ''}`);
  for (const note of table.notes) lines.push(`Note: ${note}`);
  if (table.report.raters.length === 0) {
    lines.push('', 'No ratings yet: rate images on the Rate page, or import a CSV with "selfie-lab ratings import".');
  }
  for (const rater of table.report.raters) {
    lines.push('', `${names.get(rater.rater) ?? rater.rater} (${rater.rated} rated good or bad)`);
    lines.push(`  vs Instagram label      ${formatProportion(rater.vsLabel)}`);
    lines.push(`  vs model                ${formatProportion(rater.vsModel)}`);
    lines.push(`  model vs label, same    ${formatProportion(rater.modelVsLabelOnSameImages)}`);
    lines.push(`  McNemar rater vs model  ${formatMcNemar(rater.mcnemarVsModel)}`);
    const c = rater.confusionVsLabel;
    lines.push(`  confusion (rater × label): good/good ${c.bothGood}, good/bad ${c.aGoodBBad}, bad/good ${c.aBadBGood}, bad/bad ${c.bothBad}`);
  }
  if (table.report.model) lines.push('', `Model vs Instagram label on the rated images: ${formatProportion(table.report.model.vsLabel)}`);
  for (const pair of table.report.pairs) {
    lines.push('', `${names.get(pair.a) ?? pair.a} × ${names.get(pair.b) ?? pair.b}: ${formatKappa(pair.kappa)}`);
  }
  const ref = table.reference;
  lines.push(
    '',
    `Study reference: raters ${ref.raters.map((r) => percent(r.accuracy)).join(' and ')} vs likes-labels; model ${percent(ref.modelPeak.accuracy)} peak / ${percent(ref.modelFinal.accuracy)} final val; Karpathy ${percent(ref.karpathy.accuracy)}.`,
  );
  return lines.join('\n');
}
