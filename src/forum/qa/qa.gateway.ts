import { Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import type { Server, Socket } from 'socket.io';
import type { AuthUser } from '../../auth/auth-user';
import type { DomainEvents } from '../../common/events/domain-events';
import { acknowledged, parsePayload, type Ack } from '../../realtime/socket-payload';
import { isStaff } from '../../users/users.constants';
import type { QuestionDto } from './dto/question.dto';
import { QaService } from './qa.service';

class QaJoinDto {
  @IsUUID('4', { message: 'sessionId must be a session id' }) sessionId: string;
}

class QaAskDto extends QaJoinDto {
  @Length(3, 500, { message: 'body must be 3 to 500 characters long' })
  @IsString({ message: 'body must be text' })
  body: string;
  @IsOptional() @IsBoolean({ message: 'anonymous must be true or false' }) anonymous?: boolean;
}

class QaVoteDto {
  @Type(() => Number) @IsInt({ message: 'questionId must be a question id' }) @Min(1) questionId: number;
}

const room = (sessionId: string) => `session:${sessionId}`;
const staffRoom = (sessionId: string) => `session-staff:${sessionId}`;

/** Live Q&A of forum sessions, on the same Socket.IO server (authenticated by the realtime gateway's middleware). */
@WebSocketGateway()
export class QaGateway {
  private readonly logger = new Logger('ForumQa');
  @WebSocketServer() server: Server;

  constructor(private readonly qa: QaService) {}

  @SubscribeMessage('qa:join')
  async join(
    @ConnectedSocket() socket: Socket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ questions: QuestionDto[] }>> {
    const parsed = parsePayload(QaJoinDto, payload);
    if ('error' in parsed) return parsed.error;
    const user = (socket.data as { user: AuthUser }).user;
    return this.guard(async () => {
      const questions = await this.qa.questions(parsed.value.sessionId, user);
      await socket.join(
        isStaff(user.role)
          ? [room(parsed.value.sessionId), staffRoom(parsed.value.sessionId)]
          : [room(parsed.value.sessionId)],
      );
      return { ok: true as const, questions };
    });
  }

  @SubscribeMessage('qa:ask')
  async ask(
    @ConnectedSocket() socket: Socket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ question: QuestionDto }>> {
    const parsed = parsePayload(QaAskDto, payload);
    if ('error' in parsed) return parsed.error;
    const user = (socket.data as { user: AuthUser }).user;
    return this.guard(async () => ({
      ok: true as const,
      question: await this.qa.ask(user, parsed.value.sessionId, parsed.value.body, parsed.value.anonymous ?? false),
    }));
  }

  @SubscribeMessage('qa:vote')
  async vote(
    @ConnectedSocket() socket: Socket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ question: QuestionDto }>> {
    const parsed = parsePayload(QaVoteDto, payload);
    if ('error' in parsed) return parsed.error;
    const user = (socket.data as { user: AuthUser }).user;
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
      this.server.to(room(sessionId)).except(staffRoom(sessionId)).emit(event, question);
      this.server.to(staffRoom(sessionId)).emit(event, staffQuestion);
    } else {
      // Pending or hidden: staff see the change; participants see a hidden question go.
      this.server.to(staffRoom(sessionId)).emit(event, staffQuestion);
      if (question.status === 'hidden')
        this.server.to(room(sessionId)).except(staffRoom(sessionId)).emit('qa:updated', question);
    }
  }

  private guard<T>(work: () => Promise<T>) {
    return acknowledged(work, (error) => this.logger.error({ msg: 'Q&A handler failed', err: String(error) }));
  }
}
