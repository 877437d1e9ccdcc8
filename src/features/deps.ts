import type { Db } from '../db/connection.js';
import type { Config } from '../config.js';

/** What services need. Passed explicitly; no container. */
export interface Deps {
  db: Db;
  config: Pick<Config, 'sessionTtlHours'>;
}
