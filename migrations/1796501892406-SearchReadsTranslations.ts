import { MigrationInterface, QueryRunner } from 'typeorm';

/** The filters' one GIN index (migration SearchHeadAndOneFilterIndex), in its order. */
const FILTER_INDEX = `
            CREATE INDEX "initiatives_search_filters_idx" ON "initiatives" USING gin (
                "search",
                "areas",
                "goals",
                "target_cities",
                "target_countries",
                "sought_org_types",
                "languages"
            )
        `;

/** A generated column's SQL, and the expression TypeORM keeps in typeorm_metadata to compare with the entity. */
interface Generated {
  sql: string;
  expression: string;
}

const NEW_SEARCH: Generated = {
  sql: `
                    setweight(
                        to_tsvector(
                            'simple',
                            immutable_unaccent(
                                coalesce("title", '') || ' ' || coalesce("translations"#>>'{pl,title}', '') || ' ' || coalesce("translations"#>>'{en,title}', '')
                            )
                        ),
                        'A'
                    ) || setweight(
                        to_tsvector(
                            'simple',
                            immutable_unaccent(
                                coalesce("summary", '') || ' ' || coalesce("translations"#>>'{pl,summary}', '') || ' ' || coalesce("translations"#>>'{en,summary}', '')
                            )
                        ),
                        'B'
                    ) || setweight(
                        to_tsvector(
                            'simple',
                            immutable_unaccent(coalesce("body_md", ''))
                        ),
                        'C'
                    )
                `,
  expression:
    "setweight(to_tsvector('simple', immutable_unaccent(coalesce(\"title\", '') || ' ' || coalesce(\"translations\" #>> '{pl,title}', '') || ' ' || coalesce(\"translations\" #>> '{en,title}', ''))), 'A') || setweight(to_tsvector('simple', immutable_unaccent(coalesce(\"summary\", '') || ' ' || coalesce(\"translations\" #>> '{pl,summary}', '') || ' ' || coalesce(\"translations\" #>> '{en,summary}', ''))), 'B') || setweight(to_tsvector('simple', immutable_unaccent(coalesce(\"body_md\", ''))), 'C')",
};

const OLD_SEARCH: Generated = {
  sql: `
                    setweight(
                        to_tsvector(
                            'simple',
                            immutable_unaccent(coalesce("title", ''))
                        ),
                        'A'
                    ) || setweight(
                        to_tsvector(
                            'simple',
                            immutable_unaccent(coalesce("summary", ''))
                        ),
                        'B'
                    ) || setweight(
                        to_tsvector(
                            'simple',
                            immutable_unaccent(coalesce("body_md", ''))
                        ),
                        'C'
                    )
                `,
  expression:
    "setweight(to_tsvector('simple', immutable_unaccent(coalesce(\"title\", ''))), 'A') || setweight(to_tsvector('simple', immutable_unaccent(coalesce(\"summary\", ''))), 'B') || setweight(to_tsvector('simple', immutable_unaccent(coalesce(\"body_md\", ''))), 'C')",
};

/**
 * Generated from the entities, then reviewed (issue 19: search reads translations, the lighter
 * variant). The search vector holds each initiative's title and summary in both languages beside
 * the original, so an English search finds a Polish initiative by its English version and the
 * other way round. The ranked search_head is left as it is: with the versions in it too every
 * text search was 1.5 to 3.5 times slower (docs/perf/history.md).
 *
 * The generated column is dropped and added again (one table rewrite, which fires no row trigger:
 * the facet counts count statuses and filters, not text), and the filters' GIN index goes with it
 * and is built again in its own column order. TypeORM's record of the expression is updated in
 * place, in this database (the generator wrote its scratch database's name).
 *
 * Type-ahead expands a typed prefix to the known words of search_words (migration SearchWords):
 * the versions' words are added to it now, and its trigger also runs when only a version changes.
 */
export class SearchReadsTranslations1796501892406 implements MigrationInterface {
  name = 'SearchReadsTranslations1796501892406';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.rebuild(queryRunner, NEW_SEARCH);
    await this.wordsTrigger(queryRunner, 'title, summary, body_md, translations');
    await queryRunner.query(`
            INSERT INTO search_words (word)
            SELECT DISTINCT unnest(tsvector_to_array(search)) FROM initiatives
            ON CONFLICT DO NOTHING
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // search_words keeps the versions' words: a known word that matches nothing is harmless.
    await this.wordsTrigger(queryRunner, 'title, summary, body_md');
    await this.rebuild(queryRunner, OLD_SEARCH);
  }

  private async wordsTrigger(queryRunner: QueryRunner, columns: string): Promise<void> {
    await queryRunner.query(`DROP TRIGGER initiatives_search_words ON initiatives`);
    await queryRunner.query(`
            CREATE TRIGGER initiatives_search_words AFTER INSERT OR UPDATE OF ${columns} ON initiatives
            FOR EACH ROW EXECUTE FUNCTION initiatives_remember_search_words()
        `);
  }

  private async rebuild(queryRunner: QueryRunner, search: Generated): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_search_filters_idx"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives"
            DROP COLUMN "search",
            ADD "search" tsvector GENERATED ALWAYS AS (${search.sql}) STORED NOT NULL
        `);
    await queryRunner.query(
      `
            UPDATE "typeorm_metadata" SET "value" = $1
            WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search'
                AND "database" = current_database() AND "schema" = 'public' AND "table" = 'initiatives'
        `,
      [search.expression],
    );
    await queryRunner.query(FILTER_INDEX);
  }
}
