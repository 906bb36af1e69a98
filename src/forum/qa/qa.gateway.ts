import { Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { DomainEvents } from '../../common/events/domain-events';
import type { AppServer, AppSocket } from '../../realtime/app-socket';
import type { AckOf } from '../../realtime/protocol';
import { sessionRoom, sessionStaffRoom } from '../../realtime/rooms';
import { acknowledged, clientEvent, parsePayload } from '../../realtime/socket-payload';
import { isStaff } from '../../users/users.constants';
import { QaAskDto, QaJoinDto, QaVoteDto } from './dto/qa-socket.dto';
import { QaService } from './qa.service';

/** Live Q&A of forum sessions, on the same Socket.IO server (authenticated by the realtime gateway's middleware). */
@WebSocketGateway()
export class QaGateway {
  private readonly logger = new Logger('ForumQa');
  @WebSocketServer() server: AppServer;

  constructor(private readonly qa: QaService) {}

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

  private guard<T>(work: () => Promise<T>) {
    return acknowledged(work, (error) => this.logger.error({ msg: 'Q&A handler failed', err: String(error) }));
  }
}
