import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { AgendaController } from './agenda.controller';
import { AgendaService } from './agenda.service';

/** The agenda has no SQL of its own: it reads the accepted sessions through the proposals' service. */
@Module({
  imports: [EditionsModule, ProposalsModule],
  controllers: [AgendaController],
  providers: [AgendaService],
})
export class AgendaModule {}
