import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffRolesModule } from '../staff-roles/staff-roles.module';
import { DormancyController } from './dormancy.controller';
import { DormancyRepository } from './dormancy.repository';
import { DormancyService } from './dormancy.service';

/** Dormant partnerships found from evidence (issue 20, item 4). */
@Module({
  imports: [AuditModule, StaffRolesModule],
  controllers: [DormancyController],
  providers: [DormancyService, DormancyRepository],
})
export class DormancyModule {}
