/** The reporting rules (config/reporting-rules.json), read once. */
import fs from 'node:fs';
import type { ReportingRules } from '../domain/reporting/periods.js';
import type { Deps } from './deps.js';

let cached: ReportingRules | null = null;

export function reportingRules(): ReportingRules {
  cached ??= JSON.parse(
    fs.readFileSync(new URL('../../config/reporting-rules.json', import.meta.url), 'utf8'),
  ) as ReportingRules;
  return cached;
}

/** The current instant: the injected clock in tests, the system clock otherwise. */
export function now(deps: Deps): Date {
  return deps.clock ? deps.clock() : new Date();
}
