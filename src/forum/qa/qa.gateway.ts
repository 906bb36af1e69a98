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
import { QaVotePeriods, type QuestionCount } from './qa-vote-periods';
import { QaService } from './qa.service';

/**
 * At most one `qa:votes` per session in this period (across all instances when they share Redis).
 * A plenary of 2,000 people voting 200 times a second would otherwise get 400,000 events a second,
 * each one count; coalesced, each of them gets four a second carrying every count that changed.
 * Ten a second (100 ms) was 20,000 deliveries a second at a plenary: writing them took the
 * servers' CPU that the votes' own turns then waited for, and the ranking's p99 was higher than
 * at 250 ms, where a reader still sees it move at once (docs/perf/plenary.md).
 */
export const QA_VOTES_INTERVAL_MS = 250;

/** A question's largest count seen (counts only grow: the largest is the latest). */
function keepLargest(counts: Map<number, number>, id: number, votes: number): void {
  if ((counts.get(id) ?? -1) < votes) counts.set(id, votes);
}

interface SharedPeriod {
  /** Per question, the largest count voted here and not yet handed to Redis. */
  queued: Map<number, number>;
  inFlight: boolean;
  timer?: NodeJS.Timeout;
}

/** Live Q&A of forum sessions, on the same Socket.IO server (authenticated by the realtime gateway's middleware). */
@WebSocketGateway()
export class QaGateway implements OnModuleDestroy {
  private readonly logger = new Logger('ForumQa');
  @WebSocketServer() server: AppServer;
  /**
   * Without Redis: sessions whose counts were broadcast less than QA_VOTES_INTERVAL_MS ago, the
   * counts voted since, and those last told (so that a count that arrives late takes none back).
   */
  private readonly voteWindows = new Map<
    string,
    { timer: NodeJS.Timeout; voted: Map<number, number>; told: Map<number, number> }
  >();
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
   * A quiet session is told at once; after that, the votes of a period are told once, at its end.
   * Each vote brings its question's count as its commit left it, and a period tells each question's
   * largest count: every vote's count is told (or a larger one), so no vote is lost to coalescing,
   * and the last `qa:votes` carries the final counts. No PostgreSQL read per broadcast: at a
   * plenary that read was one more wait between a vote and the room hearing it.
   */
  @OnEvent('qa.voted')
  onVoted({ sessionId, questionId, votes }: DomainEvents['qa.voted']): void {
    if (this.closing) return;
    if (!this.periods.shared) return this.coalesceHere(sessionId, questionId, votes);
    let state = this.sharedPeriods.get(sessionId);
    if (!state) this.sharedPeriods.set(sessionId, (state = { queued: new Map(), inFlight: false }));
    keepLargest(state.queued, questionId, votes);
    if (!state.inFlight) void this.takePeriod(sessionId, state);
  }

  /**
   * Several instances: the one that takes the session's period in Redis tells the room the counts
   * voted on any instance since the last broadcast (QaVotePeriods). No vote is lost: its count is
   * handed to Redis after the vote is stored, and in the same step either this instance takes the
   * period (and the pending counts), or it learns whether counts are still pending; if so it tries
   * again when the period ends, until some instance has taken them. Redis keeps each question's
   * largest count and tells only counts above those told before: no broadcast takes one back.
   * Redis away: this instance tells its own votes, coalesced here.
   */
  private async takePeriod(sessionId: string, state: SharedPeriod, retrying = false): Promise<void> {
    state.inFlight = true;
    try {
      while (!this.closing && (retrying || state.queued.size)) {
        retrying = false;
        const counts = [...state.queued].map(([id, votes]) => ({ id, votes }));
        state.queued.clear();
        const attempt = await this.periods.take(sessionId, counts, QA_VOTES_INTERVAL_MS);
        if (attempt === null) for (const { id, votes } of counts) this.coalesceHere(sessionId, id, votes);
        else if (attempt.won) this.announceVotes(sessionId, attempt.votes);
        else if (attempt.pending && !state.timer && !this.closing) {
          // Another instance holds this period; counts are still pending: try when it ends. If an
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
  private coalesceHere(sessionId: string, questionId: number, votes: number): void {
    const window = this.voteWindows.get(sessionId);
    if (window) {
      keepLargest(window.voted, questionId, votes);
      return;
    }
    const told = new Map([[questionId, votes]]);
    this.openVoteWindow(sessionId, told);
    this.announceVotes(sessionId, [{ id: questionId, votes }]);
  }

  /** Stops coalescing (no timer outlives the app). */
  onModuleDestroy(): void {
    this.closing = true;
    for (const { timer } of this.voteWindows.values()) clearTimeout(timer);
    this.voteWindows.clear();
    for (const { timer } of this.sharedPeriods.values()) clearTimeout(timer);
    this.sharedPeriods.clear();
  }

  private openVoteWindow(sessionId: string, told: Map<number, number>): void {
    const timer = setTimeout(() => {
      const window = this.voteWindows.get(sessionId);
      this.voteWindows.delete(sessionId);
      if (!window?.voted.size || this.closing) return;
      const news = [...window.voted]
        .filter(([id, count]) => (window.told.get(id) ?? -1) < count)
        .map(([id, count]) => ({ id, votes: count }));
      for (const { id, votes } of news) window.told.set(id, votes);
      this.openVoteWindow(sessionId, window.told);
      this.announceVotes(sessionId, news);
    }, QA_VOTES_INTERVAL_MS);
    timer.unref();
    this.voteWindows.set(sessionId, { timer, voted: new Map(), told });
  }

  /**
   * The counts as the votes' commits left them. A question hidden since its vote may be among them:
   * clients update only the questions they show, and its count was public until it was hidden.
   */
  private announceVotes(sessionId: string, votes: QuestionCount[]): void {
    if (votes.length) this.server.to(sessionRoom(sessionId)).emit('qa:votes', { sessionId, votes });
  }

  private guard<T>(work: () => Promise<T>) {
    return acknowledged(work, (error) => this.logger.error({ msg: 'Q&A handler failed', err: String(error) }));
  }
}
