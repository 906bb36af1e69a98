import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { EditionsModule } from '../editions/editions.module';
import { OutcomesController } from './outcomes.controller';
import { OutcomesRepository } from './outcomes.repository';
import { OutcomesService } from './outcomes.service';

@Module({
  imports: [EditionsModule, AuditModule],
  controllers: [OutcomesController],
  providers: [OutcomesService, OutcomesRepository],
})
export class OutcomesModule {}
