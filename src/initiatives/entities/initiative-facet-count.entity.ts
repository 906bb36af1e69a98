import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many listed initiatives (published, in progress or completed, not hidden) each facet value
 * has, within each listing of at most one filter: the public listing's total and facets without
 * counting every match on every request (17,159 rows for one area of the bench data set, 94-102 ms
 * of PostgreSQL CPU a request; a lookup here is well under a millisecond; docs/perf/README.md).
 *
 * `scope` is the listing: '' for all listed initiatives, or one filter as `area:culture`,
 * `goal:…`, `kind:…`, `city:…`, `country:DE`, `orgType:…`, `lang:pl`. `facet` is `total` (value
 * '') or one of the response's facets `area`, `kind`, `city`, `goal`.
 *
 * Kept by statement triggers on `initiatives` (migration InitiativeFacetCounts), in the transaction
 * that changes an initiative, whoever writes it: a count can never disagree with the rows. Rows
 * whose count falls to zero stay (and are not shown).
 */
@Entity({ name: 'initiative_facet_counts' })
export class InitiativeFacetCount {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'initiative_facet_counts_pkey' })
  scope: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'initiative_facet_counts_pkey' })
  facet: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'initiative_facet_counts_pkey' })
  value: string;

  @Column({ type: 'int' })
  count: number;
}
