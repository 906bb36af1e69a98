import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { DomainEvents } from '../../common/events/domain-events';
import type { AppServer, AppSocket } from '../../realtime/app-socket';
import type { AckOf } from '../../realtime/protocol';
import { sessionRoom, sessionStaffRoom } from '../../realtime/rooms';
import { acknowledged, clientEvent, parsePayload } from '../../realtime/socket-payload';
import { isStaff } from '../../users/users.constants';
import { QaAskDto, QaJoinDto, QaVoteDto } from './dto/qa-socket.dto';
import { QaVotePeriods } from './qa-vote-periods';
import { QaService } from './qa.service';

/**
 * At most one `qa:votes` per session in this period (across all instances when they share Redis).
 * A plenary of 2,000 people voting 200 times a second would otherwise get 400,000 events a second,
 * each one count; coalesced, each of them gets ten a second carrying every count that changed
 * (docs/perf/plenary.md).
 */
export const QA_VOTES_INTERVAL_MS = 100;

interface SharedPeriod {
  queued: Set<number>;
  inFlight: boolean;
  timer?: NodeJS.Timeout;
}

/** Live Q&A of forum sessions, on the same Socket.IO server (authenticated by the realtime gateway's middleware). */
@WebSocketGateway()
export class QaGateway implements OnModuleDestroy {
  private readonly logger = new Logger('ForumQa');
  @WebSocketServer() server: AppServer;
  /** Sessions whose counts were broadcast less than QA_VOTES_INTERVAL_MS ago, and the questions voted for since. */
  private readonly voteWindows = new Map<string, { timer: NodeJS.Timeout; voted: Set<number> }>();
  /** With Redis: per session, the questions voted here not yet handed to Redis, and the attempt or retry under way. */
  private readonly sharedPeriods = new Map<string, SharedPeriod>();
  private closing = false;

  constructor(
    private readonly qa: QaService,
    private readonly periods: QaVotePeriods,
  ) {}

  @SubscribeMessage(clientEvent('qa:join'))
  async join(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown): Promise<AckOf<'qa:join'>> {
    const parsed = parsePayload('qa:join', QaJoinDto, payload);
    if ('error' in parsed) return parsed.error;
    const { user } = socket.data;
    return this.guard(async () => {
      const questions = await this.qa.questions(parsed.value.sessionId, user);
      await socket.join(
        isStaff(user.role)
          ? [sessionRoom(parsed.value.sessionId), sessionStaffRoom(parsed.value.sessionId)]
          : [sessionRoom(parsed.value.sessionId)],
      );
      return { ok: true as const, questions };
    });
  }

  @SubscribeMessage(clientEvent('qa:ask'))
  async ask(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown): Promise<AckOf<'qa:ask'>> {
    const parsed = parsePayload('qa:ask', QaAskDto, payload);
    if ('error' in parsed) return parsed.error;
    const { user } = socket.data;
    return this.guard(async () => ({
      ok: true as const,
      question: await this.qa.ask(
        user,
        parsed.value.sessionId,
        parsed.value.body,
        parsed.value.anonymous ?? false,
        parsed.value.lang ?? null,
      ),
    }));
  }

  @SubscribeMessage(clientEvent('qa:vote'))
  async vote(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown): Promise<AckOf<'qa:vote'>> {
    const parsed = parsePayload('qa:vote', QaVoteDto, payload);
    if ('error' in parsed) return parsed.error;
    const { user } = socket.data;
    return this.guard(async () => ({
      ok: true as const,
      question: await this.qa.vote(user, parsed.value.questionId),
    }));
  }

  /** New visible questions go to everyone; pending ones only to staff; changes to those who can see them. */
  @OnEvent('qa.changed')
  onChanged({ sessionId, question, staffQuestion, isNew }: DomainEvents['qa.changed']): void {
    const event = isNew ? 'qa:question' : 'qa:updated';
    if (question.status === 'visible') {
      this.server.to(sessionRoom(sessionId)).except(sessionStaffRoom(sessionId)).emit(event, question);
      this.server.to(sessionStaffRoom(sessionId)).emit(event, staffQuestion);
    } else {
      // Pending or hidden: staff see the change; participants see a hidden question go.
      this.server.to(sessionStaffRoom(sessionId)).emit(event, staffQuestion);
      if (question.status === 'hidden')
        this.server.to(sessionRoom(sessionId)).except(sessionStaffRoom(sessionId)).emit('qa:updated', question);
    }
  }

  /**
   * A quiet session is told at once; after that, the votes of a period are told once, at its end,
   * with the counts read then: the last `qa:votes` always carries the final counts, and a count read
   * after a vote was stored includes it, so no vote is lost to coalescing.
   */
  @OnEvent('qa.voted')
  onVoted({ sessionId, questionId }: DomainEvents['qa.voted']): void {
    if (this.closing) return;
    if (!this.periods.shared) return this.coalesceHere(sessionId, questionId);
    let state = this.sharedPeriods.get(sessionId);
    if (!state) this.sharedPeriods.set(sessionId, (state = { queued: new Set(), inFlight: false }));
    state.queued.add(questionId);
    if (!state.inFlight) void this.takePeriod(sessionId, state);
  }

  /**
   * Several instances: the one that takes the session's period in Redis tells the room the counts
   * of every question voted on any instance since the last broadcast (QaVotePeriods). No vote is
   * lost: a question is handed to Redis after its vote is stored, and in the same step either this
   * instance takes the period (and the set), or it learns whether the set still holds questions;
   * if so it tries again when the period ends, until some instance has taken them. Whoever takes
   * them reads the counts after that, so they include the vote; the last broadcast has the final
   * counts. Redis away: this instance tells its own votes, coalesced here.
   */
  private async takePeriod(sessionId: string, state: SharedPeriod, retrying = false): Promise<void> {
    state.inFlight = true;
    try {
      while (!this.closing && (retrying || state.queued.size)) {
        retrying = false;
        const ids = [...state.queued];
        state.queued.clear();
        const attempt = await this.periods.take(sessionId, ids, QA_VOTES_INTERVAL_MS);
        if (attempt === null) for (const id of ids) this.coalesceHere(sessionId, id);
        else if (attempt.won) {
          if (attempt.questionIds.length) void this.announceVotes(sessionId, attempt.questionIds);
        } else if (attempt.pending && !state.timer && !this.closing) {
          // Another instance holds this period; the set still has questions: try when it ends. If an
          // attempt is under way then, its answer decides (it sets a timer again if need be).
          state.timer = setTimeout(() => {
            state.timer = undefined;
            if (!state.inFlight) void this.takePeriod(sessionId, state, true);
          }, attempt.retryInMs);
          state.timer.unref();
        }
      }
    } finally {
      state.inFlight = false;
      if (!state.timer && !state.queued.size) this.sharedPeriods.delete(sessionId);
    }
  }

  /** One instance (no Redis, or Redis away): the votes of this instance, coalesced here. */
  private coalesceHere(sessionId: string, questionId: number): void {
    const window = this.voteWindows.get(sessionId);
    if (window) {
      window.voted.add(questionId);
      return;
    }
    this.openVoteWindow(sessionId);
    void this.announceVotes(sessionId, [questionId]);
  }

  /** Stops coalescing (no timer outlives the app). */
  onModuleDestroy(): void {
    this.closing = true;
    for (const { timer } of this.voteWindows.values()) clearTimeout(timer);
    this.voteWindows.clear();
    for (const { timer } of this.sharedPeriods.values()) clearTimeout(timer);
    this.sharedPeriods.clear();
  }

  private openVoteWindow(sessionId: string): void {
    const timer = setTimeout(() => {
      const voted = this.voteWindows.get(sessionId)?.voted;
      this.voteWindows.delete(sessionId);
      if (voted?.size && !this.closing) {
        this.openVoteWindow(sessionId);
        void this.announceVotes(sessionId, [...voted]);
      }
    }, QA_VOTES_INTERVAL_MS);
    timer.unref();
    this.voteWindows.set(sessionId, { timer, voted: new Set() });
  }

  private async announceVotes(sessionId: string, questionIds: number[]): Promise<void> {
    try {
      const votes = await this.qa.voteCounts(sessionId, questionIds);
      if (votes.length) this.server.to(sessionRoom(sessionId)).emit('qa:votes', { sessionId, votes });
    } catch (error) {
      this.logger.error({ msg: 'Q&A vote broadcast failed', sessionId, err: String(error) });
    }
  }

  private guard<T>(work: () => Promise<T>) {
    return acknowledged(work, (error) => this.logger.error({ msg: 'Q&A handler failed', err: String(error) }));
  }
}
