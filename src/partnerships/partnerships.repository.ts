import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../database/sql';
import type { Translations } from '../common/i18n/translations';
import type { InterestStatus, PartnershipStatus } from './partnerships.constants';
import { publicPartnershipSql } from './public-partnership';
import { PUBLIC_STATUSES } from '../initiatives/initiatives.constants';

/** The initiative's title as written, with its language and its version in the other language. */
export interface InitiativeTitleColumns {
  initiativeTitle: string;
  initiativeLanguage: string;
  initiativeTranslations: Translations<{ title: string }>;
}

export interface InterestRow extends InitiativeTitleColumns {
  id: string;
  initiativeId: string;
  initiativeOrganizationId: string;
  initiativeOrganizationName: string;
  organizationId: string;
  organizationName: string;
  invitation: boolean;
  message: string;
  messageLang: string | null;
  status: InterestStatus;
  reply: string | null;
  replyLang: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  partnershipId: string | null;
}

/** An organisation as an invitation needs it: its name, place and whether it may be invited. */
export interface InvitableRow {
  id: string;
  name: string;
  verified: boolean;
  cityName: string;
  cityNamePl: string | null;
  country: string;
}

export interface PartnershipRow extends InitiativeTitleColumns {
  id: string;
  initiativeId: string;
  channelId: number;
  status: PartnershipStatus;
  outcomeNote: string | null;
  outcomeNoteLang: string | null;
  createdAt: Date;
  /** Every participant agreed to show it (publicPartnershipSql). */
  public: boolean;
  organizations: {
    id: string;
    name: string;
    type: string;
    cityKey: string | null;
    cityName: string;
    cityNamePl: string | null;
    country: string;
    lead: boolean;
    publicConsent: boolean;
  }[];
}

const INITIATIVE_TITLE = `i.title AS "initiativeTitle", i.language AS "initiativeLanguage", i.translations AS "initiativeTranslations"`;

const INTEREST_SELECT = `SELECT x.id, x.initiative_id AS "initiativeId", ${INITIATIVE_TITLE}, i.organization_id AS "initiativeOrganizationId",
  io.name AS "initiativeOrganizationName",
  x.organization_id AS "organizationId", o.name AS "organizationName", x.invitation, x.message, x.message_language AS "messageLang",
  x.status, x.reply, x.reply_language AS "replyLang", x.created_at AS "createdAt",
  x.decided_at AS "decidedAt", x.partnership_id AS "partnershipId"
  FROM interests x JOIN initiatives i ON i.id = x.initiative_id JOIN organizations o ON o.id = x.organization_id
  JOIN organizations io ON io.id = i.organization_id`;

const PARTNERSHIP_SELECT = `SELECT p.id, p.initiative_id AS "initiativeId", ${INITIATIVE_TITLE}, p.channel_id AS "channelId", p.status,
  p.outcome_note AS "outcomeNote", p.outcome_note_language AS "outcomeNoteLang", p.created_at AS "createdAt",
  ${publicPartnershipSql('p')} AS public,
  (SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'type', o.type, 'cityKey', c.key, 'cityName', coalesce(c.name, o.city_name), 'cityNamePl', c.name_pl, 'country', o.country,
                                     'lead', m.lead, 'publicConsent', m.public_consent) ORDER BY m.lead DESC, o.name)
     FROM partnership_members m JOIN organizations o ON o.id = m.organization_id LEFT JOIN cities c ON c.id = o.city_id
    WHERE m.partnership_id = p.id) AS organizations
  FROM partnerships p JOIN initiatives i ON i.id = p.initiative_id`;

@Injectable()
export class PartnershipsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Null when the organisation already has an open interest in the initiative, or an open
   * invitation to it (the unique index decides, also between two requests at once).
   */
  async insertInterest(
    initiativeId: string,
    organizationId: string,
    message: { text: string; lang: string | null },
    userId: string,
    invitation = false,
  ): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO interests (initiative_id, organization_id, message, message_language, created_by, invitation)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (initiative_id, organization_id) WHERE status = 'open' DO NOTHING RETURNING id`,
      [initiativeId, organizationId, message.text, message.lang, userId, invitation],
    );
    return rows[0]?.id ?? null;
  }

  /** Whether the organisation is already in the initiative's partnership. */
  async isPartner(initiativeId: string, organizationId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM partnerships p JOIN partnership_members m ON m.partnership_id = p.id
        WHERE p.initiative_id = $1 AND m.organization_id = $2`,
      [initiativeId, organizationId],
    );
    return rows.length > 0;
  }

  async findInvitable(organizationId: string): Promise<InvitableRow | null> {
    const [row] = await this.dataSource.query<InvitableRow[]>(
      `SELECT o.id, o.name, (o.status = 'verified' AND o.hidden_at IS NULL) AS verified, coalesce(c.name, o.city_name) AS "cityName",
              c.name_pl AS "cityNamePl", o.country
         FROM organizations o LEFT JOIN cities c ON c.id = o.city_id WHERE o.id = $1`,
      [organizationId],
    );
    return row ?? null;
  }

  async findInterest(id: string, manager: EntityManager = this.dataSource.manager): Promise<InterestRow | null> {
    const [row] = await manager.query<InterestRow[]>(`${INTEREST_SELECT} WHERE x.id = $1`, [id]);
    return row ?? null;
  }

  /** Moves an open interest to its decision, once: of two concurrent decisions one wins. */
  async decide(
    id: string,
    status: Exclude<InterestStatus, 'open'>,
    reply: { text: string; lang: string | null } | null,
    userId: string,
    manager: EntityManager,
  ): Promise<boolean> {
    const rows = await modifyReturning(
      manager,
      `UPDATE interests SET status = $2, reply = $3, reply_language = $5, decided_at = now(), decided_by = $4
        WHERE id = $1 AND status = 'open' RETURNING id`,
      [id, status, reply?.text ?? null, userId, reply?.lang ?? null],
    );
    return rows.length > 0;
  }

  async linkInterest(id: string, partnershipId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE interests SET partnership_id = $2 WHERE id = $1`, [id, partnershipId]);
  }

  /**
   * Incoming: interests in these organisations' initiatives and invitations to them (what they
   * answer); sent: their interests in others' initiatives and the invitations they sent.
   */
  async interestsOf(organizationIds: string[], direction: 'incoming' | 'sent'): Promise<InterestRow[]> {
    if (!organizationIds.length) return [];
    const invitations = direction === 'incoming' ? 'x.invitation' : 'NOT x.invitation';
    return this.dataSource.query(
      `${INTEREST_SELECT}
        WHERE (i.organization_id = ANY($1::uuid[]) AND NOT (${invitations})) OR (x.organization_id = ANY($1::uuid[]) AND ${invitations})
        ORDER BY x.created_at DESC LIMIT 200`,
      [organizationIds],
    );
  }

  /** Locks the initiative: partnership changes for one initiative run one at a time. */
  async lockInitiative(initiativeId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT id FROM initiatives WHERE id = $1 FOR UPDATE`, [initiativeId]);
  }

  async findPartnershipForInitiative(
    initiativeId: string,
    manager: EntityManager,
  ): Promise<{ id: string; channelId: number } | null> {
    const [row] = await manager.query<{ id: string; channelId: number }[]>(
      `SELECT id, channel_id AS "channelId" FROM partnerships WHERE initiative_id = $1 FOR UPDATE`,
      [initiativeId],
    );
    return row ?? null;
  }

  /** `forumEditionId`: the forum edition whose 1:1 meeting started it (the outcomes report counts it). */
  async insertPartnership(
    initiativeId: string,
    channelId: number,
    manager: EntityManager,
    forumEditionId: string | null = null,
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO partnerships (initiative_id, channel_id, forum_edition_id) VALUES ($1, $2, $3) RETURNING id`,
      [initiativeId, channelId, forumEditionId],
    );
    return row.id;
  }

  async addPartner(
    partnershipId: string,
    organizationId: string,
    lead: boolean,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO partnership_members (partnership_id, organization_id, lead) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [partnershipId, organizationId, lead],
    );
  }

  /** Every member of the participating organisations: the members of the private channel. */
  async peopleOf(partnershipId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT DISTINCT om.user_id FROM partnership_members pm JOIN organization_members om ON om.organization_id = pm.organization_id WHERE pm.partnership_id = $1`,
      [partnershipId],
    );
    return rows.map((row) => row.user_id);
  }

  /** Whether the person is a member of one of the partnership's organisations (read on every request). */
  async isPerson(partnershipId: string, userId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM partnership_members pm JOIN organization_members om ON om.organization_id = pm.organization_id
        WHERE pm.partnership_id = $1 AND om.user_id = $2 LIMIT 1`,
      [partnershipId, userId],
    );
    return rows.length > 0;
  }

  /** Locks the partnership's row and answers its channel: changes to its members run one at a time. */
  async lockPartnership(id: string, manager: EntityManager): Promise<{ channelId: number } | null> {
    const [row] = await manager.query<{ channelId: number }[]>(
      `SELECT channel_id AS "channelId" FROM partnerships WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  async removePartner(partnershipId: string, organizationId: string, manager: EntityManager): Promise<boolean> {
    const rows = await modifyReturning(
      manager,
      `DELETE FROM partnership_members WHERE partnership_id = $1 AND organization_id = $2 AND NOT lead RETURNING organization_id`,
      [partnershipId, organizationId],
    );
    return rows.length > 0;
  }

  async findPartnership(id: string): Promise<PartnershipRow | null> {
    const [row] = await this.dataSource.query<PartnershipRow[]>(`${PARTNERSHIP_SELECT} WHERE p.id = $1`, [id]);
    return row ?? null;
  }

  /**
   * Public partnerships (publicPartnershipSql) of a listed initiative, newest first: those of a city
   * (its initiative targets the city, or an organisation there takes part) or of a goal (its
   * initiative serves it).
   */
  async publicPartnerships(filter: { cityKey?: string; goal?: string }, limit: number): Promise<PartnershipRow[]> {
    return this.dataSource.query(
      `${PARTNERSHIP_SELECT}
        WHERE ${publicPartnershipSql('p')}
          AND i.status = ANY($1::initiative_status[]) AND i.hidden_at IS NULL
          AND ($2::text IS NULL OR i.target_cities @> ARRAY[$2::text]
               OR EXISTS (SELECT 1 FROM partnership_members pm JOIN organizations po ON po.id = pm.organization_id
                            JOIN cities pc ON pc.id = po.city_id
                           WHERE pm.partnership_id = p.id AND pc.key = $2::text))
          AND ($3::text IS NULL OR i.goals @> ARRAY[$3::text])
        ORDER BY p.created_at DESC, p.id DESC
        LIMIT $4`,
      [PUBLIC_STATUSES, filter.cityKey ?? null, filter.goal ?? null, limit],
    );
  }

  async partnershipsOfOrganization(organizationId: string): Promise<PartnershipRow[]> {
    return this.dataSource.query(
      `${PARTNERSHIP_SELECT} WHERE EXISTS (SELECT 1 FROM partnership_members m WHERE m.partnership_id = p.id AND m.organization_id = $1) ORDER BY p.created_at DESC`,
      [organizationId],
    );
  }

  async updateStatus(
    id: string,
    status: PartnershipStatus,
    outcomeNote: { text: string; lang: string | null } | null,
  ): Promise<boolean> {
    const rows = await modifyReturning(
      this.dataSource.manager,
      // A note keeps its language: a new note brings its own, no note leaves both as they were.
      `UPDATE partnerships SET status = $2, outcome_note = coalesce($3, outcome_note),
              outcome_note_language = CASE WHEN $3::text IS NULL THEN outcome_note_language ELSE $4 END, ended_at = now()
        WHERE id = $1 AND status = 'active' RETURNING id`,
      [id, status, outcomeNote?.text ?? null, outcomeNote?.lang ?? null],
    );
    return rows.length > 0;
  }

  async setConsent(partnershipId: string, organizationId: string, consent: boolean): Promise<boolean> {
    const rows = await modifyReturning(
      this.dataSource.manager,
      `UPDATE partnership_members SET public_consent = $3 WHERE partnership_id = $1 AND organization_id = $2 RETURNING organization_id`,
      [partnershipId, organizationId, consent],
    );
    return rows.length > 0;
  }

  /** Active and completed partnerships per partner city (each counted once per city). */
  async countsPerCity(): Promise<
    { cityKey: string; cityName: string; namePl: string; relationship: string; partnerships: number }[]
  > {
    return this.dataSource.query(
      `SELECT c.key AS "cityKey", c.name AS "cityName", c.name_pl AS "namePl", c.relationship, count(DISTINCT p.id)::int AS partnerships
         FROM cities c
         LEFT JOIN organizations o ON o.city_id = c.id
         LEFT JOIN partnership_members m ON m.organization_id = o.id
         LEFT JOIN partnerships p ON p.id = m.partnership_id AND p.status IN ('active', 'completed')
        WHERE NOT c.is_home
        GROUP BY c.id ORDER BY partnerships DESC, c.name`,
    );
  }
}
