import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../auth/auth-user';
import { DomainEventBus } from '../../common/events/domain-events';
import { isStaff } from '../../users/users.constants';
import { EditionsService } from '../editions/editions.service';
import { ProposalsService } from '../proposals/proposals.service';
import { PARTICIPATION_STATUSES } from '../shared/forum.constants';
import type { QuestionDto } from './dto/question.dto';
import { QaVoteBatches } from './qa-vote-batches';
import { QaRepository, type QuestionRow } from './qa.repository';

/** The live Q&A of a session: questions, votes, moderation; changes are told to the session's room. */
@Injectable()
export class QaService {
  constructor(
    private readonly qa: QaRepository,
    private readonly votes: QaVoteBatches,
    private readonly editions: EditionsService,
    private readonly proposals: ProposalsService,
    private readonly audit: AuditService,
    private readonly events: DomainEventBus,
  ) {}

  async questions(sessionId: string, user?: AuthUser): Promise<QuestionDto[]> {
    await this.proposals.getSession(sessionId, user, user?.locale ?? 'pl'); // visible to the reader, or a 404
    const staff = user !== undefined && isStaff(user.role);
    return (await this.qa.listQuestions(sessionId, staff)).map((q) => this.questionDto(q, staff));
  }

  /** Stored; pushed to the session's room when visible (at once, or once a moderator approves it). */
  async ask(
    user: AuthUser,
    sessionId: string,
    body: string,
    anonymous: boolean,
    language: string | null = null,
  ): Promise<QuestionDto> {
    const session = await this.proposals.session(sessionId);
    const edition = await this.editions.edition(session.editionId);
    if (session.status !== 'accepted' || !PARTICIPATION_STATUSES.includes(edition.status))
      throw new ConflictException('Questions are open while the agenda is published and during the forum.');
    const question = await this.qa.insertQuestion(
      sessionId,
      user.id,
      body,
      anonymous,
      session.qaModerated ? 'pending' : 'visible',
      language,
    );
    this.events.emit('qa.changed', {
      sessionId,
      question: this.questionDto(question, false),
      staffQuestion: this.questionDto(question, true),
      isNew: true,
    });
    return this.questionDto(question, isStaff(user.role) || question.authorId === user.id);
  }

  async vote(user: AuthUser, questionId: number): Promise<QuestionDto> {
    const voted = await this.votes.vote(questionId, user.id);
    if (!voted) {
      const question = await this.qa.findQuestion(questionId);
      if (!question || question.status !== 'visible') throw new NotFoundException('There is no question with this id.');
      throw new ConflictException('You have already voted for this question.');
    }
    // The voter's answer has the count now; the room hears it coalesced (a plenary votes hundreds a second).
    this.events.emit('qa.voted', { sessionId: voted.sessionId, questionId, votes: voted.votes });
    return this.questionDto(voted, false);
  }

  async moderateQuestion(
    staff: AuthUser,
    questionId: number,
    action: 'approve' | 'pin' | 'unpin' | 'answered' | 'hide',
    reason?: string,
  ): Promise<QuestionDto> {
    const question = await this.qa.findQuestion(questionId);
    if (!question) throw new NotFoundException('There is no question with this id.');
    if (action === 'hide' && !reason)
      throw new BadRequestException({
        message: 'reason is required to hide a question',
        fields: { reason: ['reason is required to hide a question'] },
      });
    const change = {
      approve: { status: 'visible' },
      pin: { pinned: true },
      unpin: { pinned: false },
      answered: { answered: true },
      hide: { status: 'hidden', hiddenReason: reason },
    }[action];
    await this.qa.updateQuestion(questionId, change);
    await this.audit.record({
      actorId: staff.id,
      action: `qa.${action}`,
      targetType: 'qa_question',
      targetId: String(questionId),
      reason: reason ?? null,
    });
    const updated = (await this.qa.findQuestion(questionId))!;
    this.events.emit('qa.changed', {
      sessionId: updated.sessionId,
      question: this.questionDto(updated, false),
      staffQuestion: this.questionDto(updated, true),
      isNew: action === 'approve',
    });
    return this.questionDto(updated, true);
  }

  /** Anonymous questions hide their author from participants, never from staff. */
  private questionDto(q: QuestionRow, revealAuthor: boolean): QuestionDto {
    return {
      id: Number(q.id),
      sessionId: q.sessionId,
      body: q.body,
      lang: q.language,
      author: q.anonymous && !revealAuthor ? null : (q.authorName ?? 'deleted user'),
      anonymous: q.anonymous,
      status: q.status,
      pinned: q.pinned,
      answered: q.answered,
      votes: q.votes,
      createdAt: new Date(q.createdAt).toISOString(),
    };
  }
}
