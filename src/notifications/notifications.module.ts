import { Global, Module } from '@nestjs/common';
import { DigestScheduler } from './digest.scheduler';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** Global: organisations, initiatives, channels and later the forum all notify people. */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationsRepository, DigestScheduler],
  exports: [NotificationsService],
})
export class NotificationsModule {}
