/** The scoring rule of the annual review (config/annual-review.json), read and checked once. */
import fs from 'node:fs';
import { parseReviewConfig, type ReviewConfig } from '../../domain/review/scoring.js';

let cached: ReviewConfig | null = null;

export function reviewConfig(): ReviewConfig {
  cached ??= parseReviewConfig(
    JSON.parse(fs.readFileSync(new URL('../../../config/annual-review.json', import.meta.url), 'utf8')),
  );
  return cached;
}
