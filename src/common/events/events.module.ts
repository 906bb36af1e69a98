import { Global, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { PresenceService } from '../../realtime/presence.service';
import { DomainEventBus } from './domain-events';

/** The domain event bus and the presence registry, available everywhere. */
@Global()
@Module({
  imports: [EventEmitterModule.forRoot()],
  providers: [DomainEventBus, PresenceService],
  exports: [DomainEventBus, PresenceService],
})
export class EventsModule {}
