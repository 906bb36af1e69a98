import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row: the generation of everything the public search reads. Statement-level triggers on
 * every table the search statement reads bump it in the writer's transaction (migration
 * SearchGeneration). Each request reads it first and the search statement returns the generation
 * its snapshot saw: the cache of search answers (search-cache.ts) serves only answers of the
 * generation the request read, so an answer computed before a change is never served after it.
 */
@Entity({ name: 'search_generation' })
@Check('search_generation_one_row', `"id" = 1`)
export class SearchGeneration {
  @PrimaryColumn({ type: 'smallint', default: 1, primaryKeyConstraintName: 'search_generation_pkey' })
  id: number;

  @Column({ type: 'bigint', default: 0 })
  generation: number;
}
