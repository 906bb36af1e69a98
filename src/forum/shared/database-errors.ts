/** PostgreSQL refused a row that overlaps another (an exclusion constraint). */
export const isExclusionViolation = (error: unknown) => (error as { code?: string }).code === '23P01';
/** PostgreSQL refused a duplicate (a unique index). */
export const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';
