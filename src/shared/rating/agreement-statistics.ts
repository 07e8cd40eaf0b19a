/**
 * Statistics for human ratings vs Instagram labels vs the model (issue #8), in one import for the Compare page and the
 * CLI: two-sided binary agreement (binary-agreement.ts), Bradley–Terry strengths from pairwise judgments
 * (bradley-terry.ts) and the report both print (agreement-report.ts).
 */
export {
  accuracyAgainst,
  chiSquareOneDfSurvival,
  cohenKappa,
  confusion2,
  kappaFromConfusion,
  mcnemar,
  mcnemarFromCounts,
  wilsonInterval,
  z95,
  type Binary,
  type Confusion2,
  type Interval,
  type KappaStat,
  type McNemarStat,
  type ProportionStat,
} from './binary-agreement';
export { bradleyTerry, type BradleyTerryOptions, type BradleyTerryResult } from './bradley-terry';
export { agreementReport, type AgreementInput, type AgreementReport, type RaterAgreement } from './agreement-report';
