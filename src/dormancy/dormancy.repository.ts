import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ADVISORY_LOCKS } from '../database/advisory-locks';
import { PUBLIC_STATUSES } from '../initiatives/initiatives.constants';
import type { ActivityKind, DormancyDecision } from './dormancy.constants';
import { DormancyReview } from './entities/dormancy-review.entity';

export type CityActivityRow = Record<ActivityKind, number> & {
  id: number;
  key: string;
  name: string;
  namePl: string;
  status: string | null;
  matchBoost: number;
  decision: DormancyDecision | null;
  reason: string | null;
  decidedAt: Date | null;
};

/** The SQL of the dormancy screen: the activity of every partner city, and staff's decisions. */
@Injectable()
export class DormancyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every partner city's activity in the last `months`, counted from the platform's own data in one
   * statement: published initiatives that target it; verified organisations there created or active;
   * partnerships started for it (its initiative targets it, or an organisation there takes part);
   * messages in the channels of those initiatives and partnerships, and of initiatives of its
   * organisations; forum sessions its organisations proposed or that name it as a partner; 1:1
   * meetings its organisations took part in; visits to or from it. With staff's latest decision.
   */
  activity(months: number, manager: EntityManager = this.dataSource.manager): Promise<CityActivityRow[]> {
    return manager.query<CityActivityRow[]>(
      `WITH since AS (SELECT now() - make_interval(months => $1::int) AS t)
       SELECT c.id, c.key, c.name, c.name_pl AS "namePl", c.status, c.match_boost AS "matchBoost",
              (SELECT count(*) FROM initiatives i
                WHERE c.key = ANY(i.target_cities) AND i.status = ANY($2::initiative_status[])
                  AND coalesce(i.published_at, i.created_at) >= s.t)::int AS initiatives,
              (SELECT count(*) FROM organizations o
                WHERE o.city_id = c.id AND o.status = 'verified' AND o.hidden_at IS NULL
                  AND greatest(o.created_at, o.last_active_at) >= s.t)::int AS organizations,
              (SELECT count(*) FROM partnerships p JOIN initiatives i ON i.id = p.initiative_id
                WHERE p.created_at >= s.t
                  AND (c.key = ANY(i.target_cities)
                       OR EXISTS (SELECT 1 FROM partnership_members pm JOIN organizations o ON o.id = pm.organization_id
                                   WHERE pm.partnership_id = p.id AND o.city_id = c.id)))::int AS partnerships,
              (SELECT count(*) FROM messages m JOIN channels ch ON ch.id = m.channel_id
                 LEFT JOIN partnerships p ON p.channel_id = ch.id
                 JOIN initiatives i ON i.id = coalesce(ch.initiative_id, p.initiative_id)
                WHERE m.created_at >= s.t AND m.deleted_at IS NULL
                  AND (c.key = ANY(i.target_cities) OR i.organization_city = c.key))::int AS messages,
              (SELECT count(*) FROM forum_sessions fs JOIN organizations o ON o.id = fs.organization_id
                WHERE fs.created_at >= s.t AND (o.city_id = c.id OR c.key = ANY(fs.partner_cities)))::int AS "forumSessions",
              (SELECT count(DISTINCT mp.meeting_id) FROM meeting_participants mp
                 JOIN meetings mt ON mt.id = mp.meeting_id JOIN organizations o ON o.id = mp.organization_id
                WHERE mt.created_at >= s.t AND mt.status = 'accepted' AND o.city_id = c.id)::int AS meetings,
              (SELECT count(*) FROM delegations d WHERE d.city_id = c.id AND d.ends_on >= s.t::date)::int AS delegations,
              r.decision, r.reason, r.created_at AS "decidedAt"
         FROM cities c CROSS JOIN since s
         LEFT JOIN LATERAL (SELECT decision, reason, created_at FROM dormancy_reviews
                             WHERE city_id = c.id ORDER BY id DESC LIMIT 1) r ON true
        WHERE NOT c.is_home
        ORDER BY c.name`,
      [months, PUBLIC_STATUSES],
    );
  }

  /** Under the registry's lock (the import and staff edits): the city row is changed too. */
  inRegistryTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.registry]);
      return work(manager);
    });
  }

  /** The city's status or boost, marked as edited by staff (the reference-data import keeps it). */
  async updateCity(
    manager: EntityManager,
    cityId: number,
    change: { status: 'dormant' } | { matchBoost: number },
  ): Promise<void> {
    if ('status' in change)
      await manager.query(
        `UPDATE cities SET status = 'dormant', edited_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [cityId],
      );
    else
      await manager.query(
        `UPDATE cities SET match_boost = $2, edited_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [cityId, change.matchBoost],
      );
  }

  async insertReview(
    manager: EntityManager,
    review: Pick<DormancyReview, 'cityId' | 'decision' | 'reason' | 'boost' | 'evidence' | 'actorId'>,
  ): Promise<void> {
    await manager.insert(DormancyReview, review);
  }
}
