import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Translations } from '../i18n/translations';
import type { MessageDto } from '../../channels/dto/channel.dto';
import type { QuestionDto } from '../../forum/qa/dto/question.dto';
import type { NotificationDto } from '../../notifications/dto/notification.dto';

/**
 * What happened, for whoever cares (the realtime service pushes these to sockets). Services emit
 * after their transaction has committed: persist first, then tell.
 */
export interface DomainEvents {
  'message.created': { message: MessageDto; authorSocketExcluded?: boolean };
  'message.updated': { message: MessageDto };
  'notification.created': { userId: string; notification: NotificationDto; unread: number };
  'sessions.revoked': { sessionIds: string[] };
  /** People removed from a private channel (their organisation left a partnership): their sockets leave its room. */
  'channel.members_removed': { channelId: number; userIds: string[] };
  /** With the title's language and versions, which notifications quote. */
  'initiative.published': {
    initiativeId: string;
    title: string;
    language: string;
    translations: Translations<{ title: string }>;
  };
  /** A Q&A question was asked or changed: what participants see, and what staff see. */
  'qa.changed': { sessionId: string; question: QuestionDto; staffQuestion: QuestionDto; isNew: boolean };
  /**
   * A vote was stored: `votes` is the question's count as its commit left it (counts only grow, so
   * the largest told is the latest); told to the session's room, coalesced (QaGateway).
   */
  'qa.voted': { sessionId: string; questionId: number; votes: number };
}

@Injectable()
export class DomainEventBus {
  constructor(private readonly emitter: EventEmitter2) {}

  emit<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
    this.emitter.emit(name, payload);
  }
}
