import { Entity, PrimaryColumn } from 'typeorm';

/**
 * Every word (lexeme) that occurs in an initiative's search document: the vocabulary that turns a
 * typed prefix into the words it stands for ("wsp" -> wspolny | wspolnie | wspolpraca | ...), which
 * the GIN index finds as exact entries. A prefix left as a partial match costs the index far more
 * (it cannot skip through the posting lists), and made the planner read the whole table for short
 * prefixes (docs/perf/search-plans.txt).
 *
 * Filled by a database trigger whenever an initiative's text is written, whoever writes it
 * (migration SearchWords), and read by the SQL function search_words_query(). Words whose last
 * initiative changed stay: they match nothing and cost a lookup. Collation "C" orders the words by
 * their bytes, so that a prefix is one range of the primary key.
 */
@Entity({ name: 'search_words' })
export class SearchWord {
  @PrimaryColumn({ type: 'text', collation: 'C', primaryKeyConstraintName: 'search_words_pkey' })
  word: string;
}
