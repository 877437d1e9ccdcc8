/**
 * Input limits: the longest text (in characters) each field a person types may hold. The API schemas
 * enforce them and the web's forms check them before sending, both from this one table.
 */
export const LIMITS = {
  /** A search box (the `q` of a list). */
  search: 200,
  // units directory
  unitCode: 40,
  unitName: 300,
  unitShortName: 120,
  email: 200,
  phone: 40,
  address: 300,
  // users
  fullName: 200,
  // task assignments
  focalName: 200,
  focalPosition: 200,
  productDescription: 1000,
  indicatorName: 200,
  indicatorUnit: 50,
  /** The name of a deadline given as a period (e.g. "Quý II/2027"). */
  deadlineLabel: 100,
  /** Why an assignment changed after the program went into implementation. */
  adjustmentReason: 2000,
  // unit plans
  planItemText: 5000,
  planItemPerson: 200,
  // reporting periods
  periodLabel: 200,
  // a unit's report: per task
  reportProductDescription: 1000,
  reportProductNumber: 100,
  reportProductLink: 1000,
  entryResults: 20000,
  entryObstacles: 10000,
  entryProposals: 10000,
  entryReason: 5000,
  // a unit's report: the general part
  reportSummary: 20000,
  reportObstacles: 10000,
  reportProposals: 10000,
  reportNextSteps: 10000,
  // reviewing a report
  reviewComment: 10000,
  reviewTaskComment: 5000,
  // obstacles raised in reports
  obstacleAnswer: 10000,
  // the consolidated report: heading
  docParentBody: 200,
  docIssuer: 200,
  docNumber: 20,
  docNotation: 50,
  docPlace: 100,
  docTitle: 1000,
  signerAuthority: 200,
  signerPosition: 200,
  signerName: 200,
  /** One line of "Nơi nhận". */
  recipient: 300,
  /** How many lines "Nơi nhận" may have (a count, not characters). */
  recipientsCount: 50,
  // the consolidated report: content
  sectionHeading: 300,
  /** One paragraph (one line of a section's text). */
  blockText: 20000,
  /** How many blocks (lines) a section may have (a count, not characters). */
  sectionBlocks: 2000,
  // the leader's directions
  directionText: 10000,
  directionAnswer: 10000,
  directionComment: 5000,
  directionLinkLabel: 300,
  directionLinkUrl: 1000,
  /** How many products or links an answer may give (a count). */
  directionLinks: 20,
  /** How many units a direction may be addressed to (a count). */
  directionUnits: 200,
} as const;

export type LimitName = keyof typeof LIMITS;

/** A unit's code: a letter or digit, then letters, digits, `.`, `_` or `-`; at most `LIMITS.unitCode`. */
export const UNIT_CODE_PATTERN = `^[A-Za-z0-9][A-Za-z0-9._-]{0,${LIMITS.unitCode - 1}}$`;
