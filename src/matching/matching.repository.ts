import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { modifyReturning } from '../database/sql';
import { WEIGHTS } from './score';

/** The factors of one candidate, as the SQL computes them (see score.ts). */
export interface FactorRow {
  inTargetCity: boolean;
  inTargetCountry: boolean;
  tier: 'twin' | 'honorary_twin' | 'partner' | 'informal' | 'home' | null;
  cityEn: string | null;
  cityPl: string | null;
  soughtType: string | null;
  sharedAreas: string[];
  sharedLanguages: string[];
  active: boolean;
  boost: number;
  score: number;
}

export interface OrganizationMatchRow extends FactorRow {
  id: string;
  name: string;
  type: string;
  cityKey: string | null;
  cityName: string;
  country: string;
}

export interface InitiativeMatchRow extends FactorRow {
  id: string;
  title: string;
  summary: string;
  kind: string;
  organizationId: string;
  organizationName: string;
  organizationType: string;
  cityKey: string | null;
  country: string;
}

export interface MatchCursor {
  score: number;
  name: string;
  id: string;
}

const w = WEIGHTS;
/** The weighted sum of score.ts, in SQL (the weights are code constants, inlined as numbers). */
const SCORE = `(CASE WHEN in_target_city THEN ${w.targetCity} WHEN in_target_country THEN ${w.targetCountry} ELSE 0 END
  + CASE tier WHEN 'twin' THEN ${w.tier.twin} WHEN 'honorary_twin' THEN ${w.tier.honorary_twin} WHEN 'partner' THEN ${w.tier.partner}
              WHEN 'informal' THEN ${w.tier.informal} WHEN 'home' THEN ${w.tier.home} ELSE 0 END
  + CASE WHEN sought_type IS NOT NULL THEN ${w.soughtType} ELSE 0 END
  + least(cardinality(shared_areas) * ${w.perArea}, ${w.maxAreas})
  + least(cardinality(shared_languages) * ${w.perLanguage}, ${w.maxLanguages})
  + CASE WHEN active THEN ${w.active} ELSE 0 END
  + least(greatest(boost, 0), ${w.maxBoost}))`;

const FACTOR_COLUMNS = `in_target_city AS "inTargetCity", in_target_country AS "inTargetCountry", tier, city_en AS "cityEn", city_pl AS "cityPl",
  sought_type AS "soughtType", shared_areas AS "sharedAreas", shared_languages AS "sharedLanguages", active, boost`;

/**
 * Matching in SQL: candidates are found through indexes (a shared sought type, area, target city
 * or country), scored by the formula of score.ts, and ordered by score, then name, then id.
 */
@Injectable()
export class MatchingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Counterpart organisations for an initiative. */
  async counterparts(initiativeId: string, after: MatchCursor | undefined, limit: number): Promise<OrganizationMatchRow[]> {
    return this.dataSource.query(
      `WITH i AS (
         SELECT i.id, i.organization_id, i.target_cities, i.target_countries, i.sought_org_types, i.areas, i.languages, i.co_organizer_ids,
                coalesce(sc.is_home, false) AS seeker_home
           FROM initiatives i JOIN organizations s ON s.id = i.organization_id LEFT JOIN cities sc ON sc.id = s.city_id
          WHERE i.id = $1),
       candidates AS (
         SELECT o.id FROM organizations o, i WHERE o.type = ANY(i.sought_org_types)
         UNION SELECT o.id FROM organizations o, i WHERE o.areas && i.areas
         UNION SELECT o.id FROM organizations o JOIN cities c ON c.id = o.city_id, i WHERE c.key = ANY(i.target_cities)
         UNION SELECT o.id FROM organizations o, i WHERE o.country = ANY(i.target_countries)),
       factors AS (
         SELECT o.id, o.name, o.type, c.key AS city_key, o.city_name, o.country,
                coalesce(c.key = ANY(i.target_cities), false) AS in_target_city,
                o.country = ANY(i.target_countries) AS in_target_country,
                CASE WHEN c.is_home THEN CASE WHEN i.seeker_home THEN NULL ELSE 'home' END ELSE c.relationship::text END AS tier,
                c.name AS city_en, c.name_pl AS city_pl,
                CASE WHEN o.type = ANY(i.sought_org_types) THEN o.type END AS sought_type,
                ARRAY(SELECT unnest(o.areas) INTERSECT SELECT unnest(i.areas) ORDER BY 1) AS shared_areas,
                ARRAY(SELECT unnest(o.languages) INTERSECT SELECT unnest(i.languages) ORDER BY 1) AS shared_languages,
                coalesce(o.last_active_at > now() - interval '30 days', false) AS active,
                coalesce(c.match_boost, 0)::int AS boost
           FROM candidates JOIN organizations o ON o.id = candidates.id CROSS JOIN i
           LEFT JOIN cities c ON c.id = o.city_id
          WHERE o.status = 'verified' AND o.hidden_at IS NULL AND o.id <> i.organization_id AND NOT (o.id = ANY(i.co_organizer_ids))),
       scored AS (SELECT factors.*, ${SCORE}::int AS score FROM factors)
       SELECT id, name, type, city_key AS "cityKey", city_name AS "cityName", country, ${FACTOR_COLUMNS}, score
         FROM scored
        WHERE $2::int IS NULL OR score < $2 OR (score = $2 AND (name, id) > ($3, $4::uuid))
        ORDER BY score DESC, name, id
        LIMIT $5`,
      [initiativeId, after?.score ?? null, after?.name ?? null, after?.id ?? null, limit],
    );
  }

  /**
   * Published initiatives that fit a seeker: an organisation (`initiativeId` null), or an
   * initiative of that organisation (its targets and languages count too).
   */
  async fittingInitiatives(organizationId: string, initiativeId: string | null, after: MatchCursor | undefined, limit: number): Promise<InitiativeMatchRow[]> {
    return this.dataSource.query(
      `WITH s AS (
         SELECT o.id, o.type, o.country, o.areas AS org_areas, o.languages AS org_languages, c.key AS city_key, coalesce(c.is_home, false) AS seeker_home,
                i.id AS initiative_id, coalesce(i.target_cities, '{}') AS target_cities, coalesce(i.target_countries, '{}') AS target_countries,
                coalesce(i.areas, o.areas) AS areas, coalesce(i.languages, o.languages) AS languages
           FROM organizations o LEFT JOIN cities c ON c.id = o.city_id LEFT JOIN initiatives i ON i.id = $2::uuid
          WHERE o.id = $1),
       candidates AS (
         SELECT j.id FROM initiatives j, s WHERE j.target_cities @> ARRAY[s.city_key]::text[]
         UNION SELECT j.id FROM initiatives j, s WHERE j.target_countries @> ARRAY[s.country]::text[]
         UNION SELECT j.id FROM initiatives j, s WHERE j.sought_org_types @> ARRAY[s.type]::text[]
         UNION SELECT j.id FROM initiatives j, s WHERE j.organization_city = ANY(s.target_cities)
         UNION SELECT j.id FROM initiatives j, s WHERE j.areas && s.areas),
       factors AS (
         SELECT j.id, j.title, j.summary, j.kind::text AS kind, o.id AS organization_id, o.name AS organization_name, o.type AS organization_type,
                c.key AS city_key, o.country,
                (c.key = ANY(s.target_cities) OR j.target_cities @> ARRAY[s.city_key]::text[]) IS TRUE AS in_target_city,
                (o.country = ANY(s.target_countries) OR j.target_countries @> ARRAY[s.country]::text[]) AS in_target_country,
                CASE WHEN c.is_home THEN CASE WHEN s.seeker_home THEN NULL ELSE 'home' END ELSE c.relationship::text END AS tier,
                c.name AS city_en, c.name_pl AS city_pl,
                CASE WHEN s.type = ANY(j.sought_org_types) THEN s.type END AS sought_type,
                ARRAY(SELECT unnest(j.areas) INTERSECT SELECT unnest(s.areas) ORDER BY 1) AS shared_areas,
                ARRAY(SELECT unnest(j.languages) INTERSECT SELECT unnest(s.languages) ORDER BY 1) AS shared_languages,
                j.updated_at > now() - interval '30 days' AS active,
                coalesce(c.match_boost, 0)::int AS boost
           FROM candidates JOIN initiatives j ON j.id = candidates.id CROSS JOIN s
           JOIN organizations o ON o.id = j.organization_id
           LEFT JOIN cities c ON c.id = o.city_id
          WHERE j.status IN ('published', 'in_progress') AND j.hidden_at IS NULL AND j.organization_id <> s.id
            AND o.status = 'verified' AND o.hidden_at IS NULL),
       scored AS (SELECT factors.*, ${SCORE}::int AS score FROM factors)
       SELECT id, title, summary, kind, organization_id AS "organizationId", organization_name AS "organizationName", organization_type AS "organizationType",
              city_key AS "cityKey", country, ${FACTOR_COLUMNS}, score
         FROM scored
        WHERE $3::int IS NULL OR score < $3 OR (score = $3 AND (title, id) > ($4, $5::uuid))
        ORDER BY score DESC, title, id
        LIMIT $6`,
      [organizationId, initiativeId, after?.score ?? null, after?.name ?? null, after?.id ?? null, limit],
    );
  }

  /** Staff: lift (or stop lifting) a partner city in matching. */
  async setCityBoost(cityKey: string, boost: number): Promise<boolean> {
    // edited_at marks the city as edited by staff: the reference-data import keeps the change.
    const rows = await modifyReturning(this.dataSource.manager, `UPDATE cities SET match_boost = $2, edited_at = now() WHERE key = $1 AND NOT is_home RETURNING id`, [cityKey, boost]);
    return rows.length > 0;
  }
}
