import { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchKeys1795264144104 implements MigrationInterface {
  name = 'MatchKeys1795264144104';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Reviewed by hand. Matching tests all the signals of a visit (target place, sought type,
    // areas, the organisation's city) in one scan of one GIN index over the public initiatives,
    // which intersects the posting lists by skipping (src/matching/match-keys.ts: the prefixes
    // and the expression, written exactly as here). It replaces the two btree indexes below,
    // which only matching read. The function is immutable: the keys depend on the row alone.
    await queryRunner.query(`
            CREATE FUNCTION initiative_match_keys(target_cities text[], target_countries text[], sought_org_types text[], areas text[], organization_city text, organization_country text)
            RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
              SELECT ARRAY(SELECT 'tc:' || x FROM unnest(target_cities) x)
                  || ARRAY(SELECT 'tn:' || x FROM unnest(target_countries) x)
                  || ARRAY(SELECT 'so:' || x FROM unnest(sought_org_types) x)
                  || ARRAY(SELECT 'ar:' || x FROM unnest(areas) x)
                  || CASE WHEN organization_city IS NULL THEN '{}'::text[] ELSE ARRAY['oc:' || organization_city] END
                  || CASE WHEN organization_country IS NULL THEN '{}'::text[] ELSE ARRAY['on:' || organization_country] END
            $$
        `);
    await queryRunner.query(`
            CREATE INDEX "initiatives_match_keys_idx" ON "initiatives"
            USING gin (initiative_match_keys(target_cities, target_countries, sought_org_types, areas, organization_city, organization_country))
            WHERE status IN ('published', 'in_progress') AND hidden_at IS NULL
        `);
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_organization_city_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_organization_country_idx"
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "initiatives_organization_country_idx" ON "initiatives" USING btree ("organization_country")
        `);
    await queryRunner.query(`
            CREATE INDEX "initiatives_organization_city_idx" ON "initiatives" USING btree ("organization_city")
        `);
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_match_keys_idx"
        `);
    await queryRunner.query(`
            DROP FUNCTION initiative_match_keys(text[], text[], text[], text[], text, text)
        `);
  }
}
