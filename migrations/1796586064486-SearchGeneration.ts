import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated from the entity (the table), then the rest written by hand and reviewed.
 *
 * The generation of everything the public search reads (src/initiatives/search-cache.ts): every
 * table the search statement (InitiativesRepository.search, searchPage) reads bumps it with a
 * statement-level trigger, in the writer's transaction (the row lock orders the bumps as the
 * commits; a search statement sees the generation of exactly the changes in its snapshot).
 * Read by the search SQL:
 * - initiatives: every column of a hit and of the conditions. Only a statement that touches a row
 *   the public cache can show (a public status, not hidden), before or after, bumps: drafts being
 *   written do not empty the cache. The statuses are those of PUBLIC_STATUSES.
 * - search_words, through search_words_query(): a new word can change what a typed prefix stands
 *   for (up to 64 words, else a prefix). Only statements that add a word bump.
 * - initiative_facet_counts: the kept totals and facets (changed with listed initiatives, which
 *   bump anyway; a direct rewrite bumps too). Only statements that change a row bump.
 * - organizations (id, name, type, city_id, city_name, country) and cities (id, key, name,
 *   name_pl): the hit's organisation and its place. Their other columns (last_active_at is written
 *   on every edit) do not bump.
 * The search does not compare with now(): the archive job changes statuses through UPDATE, which
 * bumps like any other writer.
 */
export class SearchGeneration1796586064486 implements MigrationInterface {
  name = 'SearchGeneration1796586064486';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "search_generation" (
                "id" smallint NOT NULL DEFAULT '1',
                "generation" bigint NOT NULL DEFAULT '0',
                CONSTRAINT "search_generation_one_row" CHECK ("id" = 1),
                CONSTRAINT "search_generation_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`INSERT INTO search_generation (id, generation) VALUES (1, 0)`);
    await queryRunner.query(`
            CREATE FUNCTION search_generation_bump() RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              UPDATE search_generation SET generation = generation + 1 WHERE id = 1;
            END
            $$
        `);
    // Any statement (column-listed updates, deletes, truncates): no transition tables there.
    await queryRunner.query(`
            CREATE FUNCTION search_generation_after_statement() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM search_generation_bump();
              RETURN NULL;
            END
            $$
        `);
    // A statement that changed at least one row (new_rows for INSERT, old_rows for DELETE, both
    // for UPDATE, as in initiatives_count_facets). Each transition table is named only in a branch
    // run for an event that has it: PL/pgSQL parses a statement when it first runs it.
    await queryRunner.query(`
            CREATE FUNCTION search_generation_after_rows() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP <> 'DELETE' THEN
                IF EXISTS (SELECT 1 FROM new_rows) THEN
                  PERFORM search_generation_bump();
                END IF;
              ELSIF EXISTS (SELECT 1 FROM old_rows) THEN
                PERFORM search_generation_bump();
              END IF;
              RETURN NULL;
            END
            $$
        `);
    // A statement that touched a row the public search can show (a public status, not hidden),
    // before or after.
    await queryRunner.query(`
            CREATE FUNCTION initiatives_search_generation() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP <> 'DELETE' THEN
                IF EXISTS (SELECT 1 FROM new_rows
                            WHERE status IN ('published', 'in_progress', 'completed', 'archived') AND hidden_at IS NULL) THEN
                  PERFORM search_generation_bump();
                  RETURN NULL;
                END IF;
              END IF;
              IF TG_OP <> 'INSERT' THEN
                IF EXISTS (SELECT 1 FROM old_rows
                            WHERE status IN ('published', 'in_progress', 'completed', 'archived') AND hidden_at IS NULL) THEN
                  PERFORM search_generation_bump();
                END IF;
              END IF;
              RETURN NULL;
            END
            $$
        `);
    for (const [event, referencing] of [
      ['INSERT', 'REFERENCING NEW TABLE AS new_rows'],
      ['UPDATE', 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'REFERENCING OLD TABLE AS old_rows'],
    ]) {
      await queryRunner.query(`
            CREATE TRIGGER initiatives_search_generation_${event.toLowerCase()} AFTER ${event} ON initiatives
            ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION initiatives_search_generation()
        `);
      await queryRunner.query(`
            CREATE TRIGGER initiative_facet_counts_search_generation_${event.toLowerCase()} AFTER ${event} ON initiative_facet_counts
            ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION search_generation_after_rows()
        `);
    }
    await queryRunner.query(`
            CREATE TRIGGER search_words_search_generation AFTER INSERT ON search_words
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_generation_after_rows()
        `);
    await queryRunner.query(`
            CREATE TRIGGER organizations_search_generation
            AFTER UPDATE OF id, name, type, city_id, city_name, country OR DELETE ON organizations
            FOR EACH STATEMENT EXECUTE FUNCTION search_generation_after_statement()
        `);
    await queryRunner.query(`
            CREATE TRIGGER cities_search_generation AFTER UPDATE OF id, key, name, name_pl OR DELETE ON cities
            FOR EACH STATEMENT EXECUTE FUNCTION search_generation_after_statement()
        `);
    for (const table of ['initiatives', 'initiative_facet_counts', 'search_words', 'organizations', 'cities']) {
      await queryRunner.query(`
            CREATE TRIGGER ${table}_search_generation_truncate AFTER TRUNCATE ON ${table}
            FOR EACH STATEMENT EXECUTE FUNCTION search_generation_after_statement()
        `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['initiatives', 'initiative_facet_counts', 'search_words', 'organizations', 'cities']) {
      await queryRunner.query(`DROP TRIGGER ${table}_search_generation_truncate ON ${table}`);
    }
    await queryRunner.query(`DROP TRIGGER cities_search_generation ON cities`);
    await queryRunner.query(`DROP TRIGGER organizations_search_generation ON organizations`);
    await queryRunner.query(`DROP TRIGGER search_words_search_generation ON search_words`);
    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(
        `DROP TRIGGER initiative_facet_counts_search_generation_${event} ON initiative_facet_counts`,
      );
      await queryRunner.query(`DROP TRIGGER initiatives_search_generation_${event} ON initiatives`);
    }
    await queryRunner.query(`DROP FUNCTION initiatives_search_generation()`);
    await queryRunner.query(`DROP FUNCTION search_generation_after_rows()`);
    await queryRunner.query(`DROP FUNCTION search_generation_after_statement()`);
    await queryRunner.query(`DROP FUNCTION search_generation_bump()`);
    await queryRunner.query(`
            DROP TABLE "search_generation"
        `);
  }
}
