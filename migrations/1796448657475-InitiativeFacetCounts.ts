import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated from the entities (the table), then the rest written by hand and reviewed.
 *
 * The public listing's total and facets were counted over every match on every request: 98 ms of
 * PostgreSQL CPU for the 17,159 initiatives of one area in the bench data set, where the page
 * alone costs 1.7 ms (docs/perf/README.md). initiative_facet_counts keeps those counts for every
 * listing of at most one filter, and these triggers keep it true whoever writes `initiatives`:
 * - initiative_facet_keys(): the (scope, facet, value) keys one initiative counts towards. Scopes
 *   are distinct (a filter matches an initiative once); facets keep duplicates, as counting
 *   `unnest(areas)` over the matches does;
 * - one statement-level trigger per event, with its transition table(s): one aggregated upsert
 *   per statement (a bulk insert of 100,000 initiatives is one statement, not 100,000), +1 for the
 *   new rows that are listed, -1 for the old ones; an update that changes nothing counted changes
 *   no row. Rows are written in key order, so two writers wait for each other in one order, never
 *   in a cycle. "Listed" is ACTIVE_STATUSES (src/initiatives/initiatives.constants.ts) and not
 *   hidden: InitiativesRepository.search() uses the counts only for that filter.
 * The counts of existing initiatives are filled here.
 */
export class InitiativeFacetCounts1796448657475 implements MigrationInterface {
  name = 'InitiativeFacetCounts1796448657475';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "initiative_facet_counts" (
                "scope" text NOT NULL,
                "facet" text NOT NULL,
                "value" text NOT NULL,
                "count" integer NOT NULL,
                CONSTRAINT "initiative_facet_counts_pkey" PRIMARY KEY ("scope", "facet", "value")
            )
        `);
    await queryRunner.query(`
            CREATE FUNCTION initiative_facet_keys(
              areas text[], goals text[], kind initiative_kind, target_cities text[],
              target_countries text[], sought_org_types text[], languages text[]
            ) RETURNS TABLE (scope text, facet text, value text)
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
              WITH scopes AS (
                SELECT DISTINCT s FROM (
                  SELECT '' AS s
                  UNION ALL SELECT 'area:' || unnest(areas)
                  UNION ALL SELECT 'goal:' || unnest(goals)
                  UNION ALL SELECT 'kind:' || kind::text
                  UNION ALL SELECT 'city:' || unnest(target_cities)
                  UNION ALL SELECT 'country:' || unnest(target_countries)
                  UNION ALL SELECT 'orgType:' || unnest(sought_org_types)
                  UNION ALL SELECT 'lang:' || unnest(languages)
                ) all_scopes
              ), facets AS (
                SELECT 'total' AS f, '' AS v
                UNION ALL SELECT 'area', unnest(areas)
                UNION ALL SELECT 'kind', kind::text
                UNION ALL SELECT 'city', unnest(target_cities)
                UNION ALL SELECT 'goal', unnest(goals)
              )
              SELECT scopes.s, facets.f, facets.v FROM scopes CROSS JOIN facets
            $$
        `);
    // One function for the three triggers: the transition tables each event has are named in
    // the SQL it runs (new_rows for INSERT, old_rows for DELETE, both for UPDATE).
    await queryRunner.query(`
            CREATE FUNCTION initiatives_count_facets() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              listed CONSTANT text := $listed$ SELECT %s AS sign, areas, goals, kind, target_cities, target_countries, sought_org_types, languages
                FROM %I WHERE status IN ('published', 'in_progress', 'completed') AND hidden_at IS NULL $listed$;
              delta text;
            BEGIN
              delta := CASE TG_OP
                WHEN 'INSERT' THEN format(listed, '1', 'new_rows')
                WHEN 'DELETE' THEN format(listed, '-1', 'old_rows')
                ELSE format(listed, '1', 'new_rows') || ' UNION ALL ' || format(listed, '-1', 'old_rows')
              END;
              EXECUTE format($upsert$
                INSERT INTO initiative_facet_counts AS c (scope, facet, value, count)
                SELECT k.scope, k.facet, k.value, sum(d.sign)::int
                  FROM (%s) d
                 CROSS JOIN LATERAL initiative_facet_keys(d.areas, d.goals, d.kind, d.target_cities, d.target_countries, d.sought_org_types, d.languages) k
                 GROUP BY 1, 2, 3
                HAVING sum(d.sign) <> 0
                 ORDER BY 1, 2, 3
                ON CONFLICT (scope, facet, value) DO UPDATE SET count = c.count + EXCLUDED.count
              $upsert$, delta);
              RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER initiatives_facet_counts_insert AFTER INSERT ON initiatives
            REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION initiatives_count_facets()
        `);
    await queryRunner.query(`
            CREATE TRIGGER initiatives_facet_counts_update AFTER UPDATE ON initiatives
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION initiatives_count_facets()
        `);
    await queryRunner.query(`
            CREATE TRIGGER initiatives_facet_counts_delete AFTER DELETE ON initiatives
            REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION initiatives_count_facets()
        `);
    await queryRunner.query(`
            INSERT INTO initiative_facet_counts (scope, facet, value, count)
            SELECT k.scope, k.facet, k.value, count(*)::int
              FROM initiatives i
             CROSS JOIN LATERAL initiative_facet_keys(i.areas, i.goals, i.kind, i.target_cities, i.target_countries, i.sought_org_types, i.languages) k
             WHERE i.status IN ('published', 'in_progress', 'completed') AND i.hidden_at IS NULL
             GROUP BY 1, 2, 3
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER initiatives_facet_counts_delete ON initiatives`);
    await queryRunner.query(`DROP TRIGGER initiatives_facet_counts_update ON initiatives`);
    await queryRunner.query(`DROP TRIGGER initiatives_facet_counts_insert ON initiatives`);
    await queryRunner.query(`DROP FUNCTION initiatives_count_facets()`);
    await queryRunner.query(
      `DROP FUNCTION initiative_facet_keys(text[], text[], initiative_kind, text[], text[], text[], text[])`,
    );
    await queryRunner.query(`
            DROP TABLE "initiative_facet_counts"
        `);
  }
}
