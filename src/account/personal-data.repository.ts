import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { modifyReturning } from '../database/sql';

/** What a person wrote or did, by kind, as rows ready for the export (JSON from the database). */
export interface PersonalRecords {
  messages: unknown[];
  interests: unknown[];
  questions: unknown[];
  votes: unknown[];
  consultationComments: unknown[];
  consultationSupports: unknown[];
  forumRegistrations: unknown[];
  meetingsRequested: unknown[];
  sessionProposals: unknown[];
  reports: unknown[];
  savedSearches: unknown[];
  invitationsSent: unknown[];
  notifications: unknown[];
}

/**
 * Every table that holds what a person wrote or did, in one place, so that the export and the
 * erasure cannot drift apart: a table added with a person's rows is added here, once, for both.
 * The only repository that reads other modules' tables; it reads and erases, it never applies
 * their rules.
 */
@Injectable()
export class PersonalDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One statement, one snapshot: each kind as a JSON array in creation order. */
  async recordsOf(userId: string): Promise<PersonalRecords> {
    const [row] = await this.dataSource.query<PersonalRecords[]>(
      `SELECT
        (SELECT coalesce(json_agg(json_build_object('id', id, 'channelId', channel_id, 'body', body, 'language', language,
            'createdAt', created_at, 'editedAt', edited_at, 'deletedAt', deleted_at, 'hiddenAt', hidden_at) ORDER BY id), '[]')
          FROM messages WHERE author_id = $1) AS messages,
        (SELECT coalesce(json_agg(json_build_object('id', id, 'initiativeId', initiative_id, 'organizationId', organization_id,
            'invitation', invitation, 'letter', message, 'letterLanguage', message_language, 'status', status, 'reply', reply,
            'replyLanguage', reply_language, 'wrote', created_by = $1,
            'decided', decided_by = $1, 'createdAt', created_at, 'decidedAt', decided_at) ORDER BY created_at, id), '[]')
          FROM interests WHERE created_by = $1 OR decided_by = $1) AS interests,
        (SELECT coalesce(json_agg(json_build_object('id', id, 'sessionId', session_id, 'body', body, 'language', language,
            'anonymous', anonymous, 'status', status, 'votes', votes, 'createdAt', created_at) ORDER BY id), '[]')
          FROM qa_questions WHERE author_id = $1) AS questions,
        (SELECT coalesce(json_agg(json_build_object('questionId', v.question_id, 'question', q.body) ORDER BY v.question_id), '[]')
          FROM qa_votes v JOIN qa_questions q ON q.id = v.question_id WHERE v.user_id = $1) AS votes,
        (SELECT coalesce(json_agg(json_build_object('id', id, 'consultationId', consultation_id, 'sectionId', section_id, 'body', body,
            'language', language, 'createdAt', created_at, 'hiddenAt', hidden_at) ORDER BY created_at, id), '[]')
          FROM consultation_comments WHERE author_id = $1) AS "consultationComments",
        (SELECT coalesce(json_agg(json_build_object('commentId', s.comment_id, 'comment', m.body, 'createdAt', s.created_at)
            ORDER BY s.created_at, s.comment_id), '[]')
          FROM consultation_supports s JOIN consultation_comments m ON m.id = s.comment_id WHERE s.user_id = $1) AS "consultationSupports",
        (SELECT coalesce(json_agg(json_build_object('id', id, 'editionId', edition_id, 'sessionId', session_id, 'status', status,
            'createdAt', created_at, 'promotedAt', promoted_at) ORDER BY id), '[]')
          FROM forum_registrations WHERE user_id = $1) AS "forumRegistrations",
        (SELECT coalesce(json_agg(json_build_object('id', id, 'editionId', edition_id, 'slotId', slot_id, 'organizationId', requester_id,
            'withOrganizationId', invitee_id, 'status', status, 'message', message, 'messageLanguage', message_language,
            'createdAt', created_at) ORDER BY created_at, id), '[]')
          FROM meetings WHERE requested_by = $1) AS "meetingsRequested",
        (SELECT coalesce(json_agg(json_build_object('id', id, 'editionId', edition_id, 'organizationId', organization_id,
            'title', title, 'abstract', abstract, 'status', status, 'createdAt', created_at) ORDER BY created_at, id), '[]')
          FROM forum_sessions WHERE proposed_by = $1) AS "sessionProposals",
        (SELECT coalesce(json_agg(json_build_object('id', id, 'targetType', target_type, 'targetId', target_id, 'reason', reason,
            'comment', comment, 'createdAt', created_at, 'resolvedAt', resolved_at) ORDER BY created_at, id), '[]')
          FROM reports WHERE reporter_id = $1) AS reports,
        (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name, 'filters', filters, 'createdAt', created_at)
            ORDER BY created_at, id), '[]')
          FROM saved_searches WHERE user_id = $1) AS "savedSearches",
        (SELECT coalesce(json_agg(json_build_object('organizationId', organization_id, 'email', email, 'role', role,
            'createdAt', created_at, 'acceptedAt', accepted_at, 'revokedAt', revoked_at) ORDER BY created_at), '[]')
          FROM organization_invitations WHERE invited_by = $1) AS "invitationsSent",
        (SELECT coalesce(json_agg(json_build_object('id', id, 'kind', kind, 'title', payload->'title', 'link', payload->'link',
            'createdAt', created_at, 'readAt', read_at) ORDER BY id), '[]')
          FROM notifications WHERE user_id = $1) AS notifications`,
      [userId],
    );
    return row;
  }

  /**
   * Removes what is only the person's (votes, registrations, saved searches, notifications,
   * sessions, tokens, mails, grants, invitations to their address, counters naming them) and
   * leaves what others read (messages, questions, letters, meetings, reports, proposals),
   * attributed to the erased account: "deleted user". Questions become anonymous. Returns the
   * ids of the sessions removed (their sockets are disconnected after the commit).
   */
  async eraseRecordsOf(userId: string, email: string, manager: EntityManager): Promise<string[]> {
    // A vote removed is a vote less: the question's count stays the number of its votes.
    await manager.query(
      `UPDATE qa_questions q SET votes = q.votes - 1 FROM qa_votes v WHERE v.question_id = q.id AND v.user_id = $1`,
      [userId],
    );
    await manager.query(`DELETE FROM qa_votes WHERE user_id = $1`, [userId]);
    await manager.query(`UPDATE qa_questions SET anonymous = true WHERE author_id = $1`, [userId]);
    // Consultation comments stay (others read them, staff answered them), signed "deleted user"; supports go.
    await manager.query(`DELETE FROM consultation_supports WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM forum_registrations WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM saved_searches WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM notifications WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM notification_preferences WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM channel_members WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM staff_role_grants WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM email_tokens WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM mail_outbox WHERE user_id = $1 OR to_address = $2`, [userId, email]);
    await manager.query(`DELETE FROM organization_invitations WHERE email = $1`, [email]);
    await manager.query(`DELETE FROM rate_limit_buckets WHERE strpos(key, $1) > 0 OR strpos(key, $2) > 0`, [
      userId,
      email,
    ]);
    // Sessions hold addresses and browsers; their refresh tokens go with them (ON DELETE CASCADE).
    const sessions = await modifyReturning<{ id: string }>(
      manager,
      `DELETE FROM sessions WHERE user_id = $1 RETURNING id`,
      [userId],
    );
    return sessions.map((session) => session.id);
  }
}
