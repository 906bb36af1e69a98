import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PUBLIC_AGENDA } from '../forum/shared/forum.constants';
import { PUBLIC_STATUSES } from '../initiatives/initiatives.constants';
import type { StatisticPeriod } from './statistics.definitions';

/** One counted group: the period (null when not over time), the category's key, its names where the database holds them. */
export interface StatisticRow {
  period: string | null;
  category: string;
  namePl: string | null;
  nameEn: string | null;
  value: number;
}

/** to_char patterns of the periods: "2026" and "2026-Q3". */
const PERIOD_FORMAT: Record<StatisticPeriod, string> = { year: 'YYYY', quarter: 'YYYY-"Q"Q' };

/** The public initiatives, as the open-data dataset and the public pages count them ($1: the public statuses). */
const PUBLIC_INITIATIVES = {
  from: 'initiatives i JOIN organizations o ON o.id = i.organization_id',
  where: `i.status = ANY($1::initiative_status[]) AND i.hidden_at IS NULL AND i.published_at IS NOT NULL
          AND o.status = 'verified' AND o.hidden_at IS NULL`,
};

/**
 * What an initiative is counted by: the kind, or each item of an array column; and where the
 * category's names are, joined once the rows are counted (a few hundred groups, not 100,000 rows).
 */
const INITIATIVE_CATEGORIES = {
  area: { unnest: 'CROSS JOIN LATERAL unnest(i.areas) AS c(key)', key: 'c.key', names: '', pl: 'NULL', en: 'NULL' },
  goal: {
    unnest: 'CROSS JOIN LATERAL unnest(i.goals) AS c(key)',
    key: 'c.key',
    names: 'LEFT JOIN goals n ON n.key = g.category',
    pl: 'n.name_pl',
    en: 'n.name_en',
  },
  kind: { unnest: '', key: 'i.kind::text', names: '', pl: 'NULL', en: 'NULL' },
  // Partner cities only: a target that is not one (the home city, a key since removed) is left out.
  city: {
    unnest: 'CROSS JOIN LATERAL unnest(i.target_cities) AS c(key)',
    key: 'c.key',
    names: 'JOIN cities n ON n.key = g.category AND NOT n.is_home',
    pl: 'n.name_pl',
    en: 'n.name',
  },
} as const;
export type InitiativeCategory = keyof typeof INITIATIVE_CATEGORIES;

/** The SQL of the statistics: each one GROUP BY statement over the live tables, read only. */
@Injectable()
export class StatisticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Public initiatives per period (of their publication, in the city's time zone) and category. */
  initiatives(by: InitiativeCategory, period: StatisticPeriod, timeZone: string): Promise<StatisticRow[]> {
    const category = INITIATIVE_CATEGORIES[by];
    return this.dataSource.query<StatisticRow[]>(
      `SELECT to_char(g.period, $3) AS period, g.category, ${category.pl} AS "namePl", ${category.en} AS "nameEn", g.value
         FROM (SELECT date_trunc($4, i.published_at AT TIME ZONE $2) AS period, ${category.key} AS category,
                      count(*)::int AS value
                 FROM ${PUBLIC_INITIATIVES.from} ${category.unnest}
                WHERE ${PUBLIC_INITIATIVES.where}
                GROUP BY 1, 2) g
         ${category.names}
        ORDER BY g.period, g.value DESC, g.category`,
      [PUBLIC_STATUSES, timeZone, PERIOD_FORMAT[period], period],
    );
  }

  /**
   * Partnerships every participating organisation agreed to show, per partner city of each organisation.
   * A count never names a partnership; those not shown are not counted at all.
   */
  partnershipsByCity(): Promise<StatisticRow[]> {
    return this.dataSource.query<StatisticRow[]>(
      `SELECT NULL AS period, c.key AS category, c.name_pl AS "namePl", c.name AS "nameEn",
              count(DISTINCT m.partnership_id)::int AS value
         FROM partnership_members m
         JOIN organizations o ON o.id = m.organization_id
         JOIN cities c ON c.id = o.city_id AND NOT c.is_home
        WHERE m.partnership_id IN (SELECT partnership_id FROM partnership_members
                                    GROUP BY partnership_id HAVING bool_and(public_consent))
        GROUP BY c.id
        ORDER BY value DESC, c.name`,
    );
  }

  /** The figures of each edition whose agenda is public (FORUM_FIGURES, in that order): counts only, no one named. */
  forumEditions(): Promise<StatisticRow[]> {
    return this.dataSource.query<StatisticRow[]>(
      `SELECT e.year::text AS period, f.figure AS category, NULL AS "namePl", NULL AS "nameEn", f.value
         FROM forum_editions e
         CROSS JOIN LATERAL (VALUES
           (1, 'participants', (SELECT count(DISTINCT r.user_id)::int FROM forum_registrations r
                                  WHERE r.edition_id = e.id AND r.status = 'confirmed')),
           (2, 'sessions', (SELECT count(*)::int FROM forum_sessions s WHERE s.edition_id = e.id AND s.status = 'accepted')),
           (3, 'questions', (SELECT count(*)::int FROM qa_questions q JOIN forum_sessions s ON s.id = q.session_id
                               WHERE s.edition_id = e.id AND q.status = 'visible')),
           (4, 'meetings', (SELECT count(*)::int FROM meetings mt WHERE mt.edition_id = e.id AND mt.status = 'accepted')),
           (5, 'partnerships', (SELECT count(*)::int FROM partnerships p WHERE p.forum_edition_id = e.id))
         ) AS f(position, figure, value)
        WHERE e.status = ANY($1::forum_edition_status[])
        ORDER BY e.year, f.position`,
      [PUBLIC_AGENDA],
    );
  }

  /** Visits marked public, per period of their first day and direction. */
  delegations(period: StatisticPeriod): Promise<StatisticRow[]> {
    return this.dataSource.query<StatisticRow[]>(
      `SELECT to_char(d.starts_on, $1) AS period, d.direction::text AS category,
              NULL AS "namePl", NULL AS "nameEn", count(*)::int AS value
         FROM delegations d
        WHERE d.is_public
        GROUP BY 1, 2
        ORDER BY 1, 2`,
      [PERIOD_FORMAT[period]],
    );
  }
}
