/** The words of the annual review, shared with the server's exports (src/domain/review/labels.ts). */
export {
  FIGURE_COLUMNS,
  NO_DATA,
  NO_SCORE,
  RENORMALISATION_RULE,
  SATISFACTION_LABEL,
  CRITERION_RULES,
  scoreText,
} from '../../../src/domain/review/labels.ts';
