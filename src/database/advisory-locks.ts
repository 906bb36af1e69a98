/**
 * Keys of the PostgreSQL advisory locks that keep several app instances from doing the same work
 * at once. Any fixed numbers, the same in every instance; the older locks keep their keys beside
 * their code (727_002 to 727_004).
 */
export const ADVISORY_LOCKS = {
  /** Applying the migrations: held for the whole run, by one instance at a time. */
  migrations: 727_005,
  /** A daily job (the second key is the job's name, hashed): one run at a time. */
  dailyJob: 727_006,
  /**
   * The partner-city registry: the reference-data import and each staff edit, one at a time, so
   * that the import never overwrites an edit it did not see and the rules that span cities (one
   * twin city per country) are checked against what is committed.
   */
  registry: 727_001,
} as const;
