import { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchingIndexes1795257878378 implements MigrationInterface {
  name = 'MatchingIndexes1795257878378';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Reviewed by hand: the new column is filled from the organisations before NOT NULL, and two
    // triggers keep the copies (organization_city, organization_country, organization_type)
    // equal to the organisation's, whoever inserts initiatives or moves an organisation; matching
    // and search filter on the copies through indexes and must never disagree with the join.
    await queryRunner.query(`
            ALTER TABLE "initiatives"
            ADD "organization_country" character(2)
        `);
    await queryRunner.query(`
            CREATE FUNCTION initiatives_copy_organization() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              SELECT c.key, o.country, o.type INTO NEW.organization_city, NEW.organization_country, NEW.organization_type
                FROM organizations o LEFT JOIN cities c ON c.id = o.city_id
               WHERE o.id = NEW.organization_id;
              RETURN NEW;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER initiatives_copy_organization BEFORE INSERT OR UPDATE OF organization_id, organization_city, organization_country, organization_type
            ON initiatives FOR EACH ROW EXECUTE FUNCTION initiatives_copy_organization()
        `);
    await queryRunner.query(`
            CREATE FUNCTION organizations_propagate_to_initiatives() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              UPDATE initiatives SET organization_id = organization_id WHERE organization_id = NEW.id;
              RETURN NULL;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER organizations_propagate_to_initiatives AFTER UPDATE OF city_id, country, type ON organizations
            FOR EACH ROW WHEN (OLD.city_id IS DISTINCT FROM NEW.city_id OR OLD.country IS DISTINCT FROM NEW.country OR OLD.type IS DISTINCT FROM NEW.type)
            EXECUTE FUNCTION organizations_propagate_to_initiatives()
        `);
    await queryRunner.query(`
            UPDATE initiatives SET organization_id = organization_id
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives" ALTER COLUMN "organization_country" SET NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "organizations_type_idx" ON "organizations" ("type")
        `);
    await queryRunner.query(`
            CREATE INDEX "organizations_country_idx" ON "organizations" ("country")
        `);
    await queryRunner.query(`
            CREATE INDEX "organizations_areas_idx" ON "organizations" USING gin ("areas")
        `);
    await queryRunner.query(`
            CREATE INDEX "initiatives_organization_city_idx" ON "initiatives" ("organization_city")
        `);
    await queryRunner.query(`
            CREATE INDEX "initiatives_organization_country_idx" ON "initiatives" ("organization_country")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_organization_country_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_organization_city_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."organizations_areas_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."organizations_country_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."organizations_type_idx"
        `);
    await queryRunner.query(`
            DROP TRIGGER organizations_propagate_to_initiatives ON organizations
        `);
    await queryRunner.query(`
            DROP FUNCTION organizations_propagate_to_initiatives()
        `);
    await queryRunner.query(`
            DROP TRIGGER initiatives_copy_organization ON initiatives
        `);
    await queryRunner.query(`
            DROP FUNCTION initiatives_copy_organization()
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives" DROP COLUMN "organization_country"
        `);
  }
}
