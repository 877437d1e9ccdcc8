/** The reporting rules (config/reporting-rules.json), read once. */
import fs from 'node:fs';
import type { ReportingRules } from '../domain/reporting/periods.js';

let cached: ReportingRules | null = null;

export function reportingRules(): ReportingRules {
  cached ??= JSON.parse(
    fs.readFileSync(new URL('../../config/reporting-rules.json', import.meta.url), 'utf8'),
  ) as ReportingRules;
  return cached;
}
