import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffRolesModule } from '../staff-roles/staff-roles.module';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationsService } from './consultations.service';

/** Public consultations on the cooperation goals or a draft document (issue 21, item 5). */
@Module({
  imports: [AuditModule, StaffRolesModule],
  controllers: [ConsultationsController],
  providers: [ConsultationsService, ConsultationsRepository],
})
export class ConsultationsModule {}
