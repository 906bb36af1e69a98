import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row: the generation of everything the public search reads. Statement-level triggers on
 * every table the search statement reads bump it and pg_notify('search_generation') in the same
 * transaction (migration SearchGeneration); each app instance LISTENs and drops its cache of
 * search answers on a bump (search-cache.ts). The search statement returns the generation its
 * snapshot saw, so an answer computed before a bump is never stored after it.
 */
@Entity({ name: 'search_generation' })
@Check('search_generation_one_row', `"id" = 1`)
export class SearchGeneration {
  @PrimaryColumn({ type: 'smallint', default: 1, primaryKeyConstraintName: 'search_generation_pkey' })
  id: number;

  @Column({ type: 'bigint', default: 0 })
  generation: number;
}
