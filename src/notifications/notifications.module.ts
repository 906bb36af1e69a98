import { Global, Module } from '@nestjs/common';
import { DigestJob } from './digest.job';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** Global: organisations, initiatives, channels and later the forum all notify people. */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationsRepository, DigestJob],
  exports: [NotificationsService],
})
export class NotificationsModule {}
