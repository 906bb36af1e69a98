import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { EditionsModule } from '../editions/editions.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { QaController } from './qa.controller';
import { QaVoteBatches } from './qa-vote-batches';
import { QaVotePeriods } from './qa-vote-periods';
import { QaGateway } from './qa.gateway';
import { QaRepository } from './qa.repository';
import { QaService } from './qa.service';

@Module({
  imports: [EditionsModule, ProposalsModule, AuditModule],
  controllers: [QaController],
  providers: [QaService, QaRepository, QaGateway, QaVotePeriods, QaVoteBatches],
})
export class QaModule {}
