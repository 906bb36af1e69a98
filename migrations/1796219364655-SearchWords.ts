import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated from the entities (the table), then the rest written by hand and reviewed.
 *
 * Type-ahead matches every typed word as a prefix. Left as a partial match ('wsp:*'), a prefix
 * makes GIN collect every posting of every word it covers before it can intersect them with the
 * filters, and the planner, which estimates a short prefix as common, read the whole table instead
 * and detoasted every search vector: the search 'wsp' with an area and a language took 0.7 to 1 s
 * on the bench data set, against 115 to 130 ms with the same words spelled out. So the prefixes become the words they stand
 * for, which GIN finds as exact entries:
 * - search_words: every lexeme of every initiative's search vector, kept by a trigger whoever
 *   writes (inserted in byte order, so two writers wait for each other in one order, never in a
 *   cycle), and filled from the existing initiatives here;
 * - search_words_query(words, match_any): one tsquery of the typed words (folded as the stored
 *   vector is), each an OR of the known words it begins, all ANDed (ORed for match_any). A word
 *   that begins no known word stays as itself (it matches nothing); one that begins more than 64
 *   stays a prefix (a one- or two-letter word, matching a large part of everything anyway).
 */
export class SearchWords1796219364655 implements MigrationInterface {
  name = 'SearchWords1796219364655';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "search_words" (
                "word" text COLLATE "C" NOT NULL,
                CONSTRAINT "search_words_pkey" PRIMARY KEY ("word")
            )
        `);
    await queryRunner.query(`
            CREATE FUNCTION initiatives_remember_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO search_words (word)
              SELECT word FROM unnest(tsvector_to_array(NEW.search)) AS word ORDER BY word COLLATE "C"
              ON CONFLICT DO NOTHING;
              RETURN NULL;
            END
            $$
        `);
    // AFTER: the generated search vector is computed by then.
    await queryRunner.query(`
            CREATE TRIGGER initiatives_search_words AFTER INSERT OR UPDATE OF title, summary, body_md ON initiatives
            FOR EACH ROW EXECUTE FUNCTION initiatives_remember_search_words()
        `);
    await queryRunner.query(`
            INSERT INTO search_words (word)
            SELECT DISTINCT unnest(tsvector_to_array(search)) FROM initiatives
            ON CONFLICT DO NOTHING
        `);
    await queryRunner.query(`
            CREATE FUNCTION search_lexeme_literal(lexeme text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
              SELECT '''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''''
            $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION search_words_query(words text[], match_any boolean DEFAULT false) RETURNS tsquery
            LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
            BEGIN
              RETURN (
                SELECT string_agg(term, CASE WHEN match_any THEN ' | ' ELSE ' & ' END ORDER BY typed.n)::tsquery
                  FROM unnest(words) WITH ORDINALITY AS typed(word, n)
                  CROSS JOIN LATERAL (SELECT lower(immutable_unaccent(typed.word)) AS prefix) folded
                  CROSS JOIN LATERAL (
                    SELECT CASE
                             WHEN count(*) = 0 THEN search_lexeme_literal(folded.prefix)
                             WHEN count(*) <= 64 THEN '(' || string_agg(search_lexeme_literal(known.word), ' | ') || ')'
                             ELSE search_lexeme_literal(folded.prefix) || ':*'
                           END AS term
                      FROM (SELECT w.word FROM search_words w
                             WHERE w.word >= folded.prefix AND w.word < folded.prefix || chr(1114111)
                               AND starts_with(w.word, folded.prefix)
                             ORDER BY w.word LIMIT 65) known
                  ) expanded
                 WHERE folded.prefix <> ''
              );
            END
            $$
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION search_words_query(text[], boolean)`);
    await queryRunner.query(`DROP FUNCTION search_lexeme_literal(text)`);
    await queryRunner.query(`DROP TRIGGER initiatives_search_words ON initiatives`);
    await queryRunner.query(`DROP FUNCTION initiatives_remember_search_words()`);
    await queryRunner.query(`
            DROP TABLE "search_words"
        `);
  }
}
