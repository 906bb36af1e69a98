import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { EditionsController } from './editions.controller';
import { EditionsRepository } from './editions.repository';
import { EditionsService } from './editions.service';

@Module({
  imports: [AuditModule],
  controllers: [EditionsController],
  providers: [EditionsService, EditionsRepository],
  exports: [EditionsService],
})
export class EditionsModule {}
