import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: extensions and functions are not part of the entities, so TypeORM cannot
 * generate them. unaccent is only STABLE (it depends on a dictionary), and an index expression must
 * be IMMUTABLE, so search goes through an immutable wrapper that names the dictionary explicitly.
 */
export class Extensions1700000000000 implements MigrationInterface {
  name = 'Extensions1700000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      RETURN public.unaccent('public.unaccent'::regdictionary, $1)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS immutable_unaccent(text)`);
  }
}
