import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffGrantGuard } from './staff-grant.guard';
import { StaffRolesController } from './staff-roles.controller';
import { StaffRolesRepository } from './staff-roles.repository';
import { StaffRolesService } from './staff-roles.service';

@Module({
  imports: [AuditModule],
  controllers: [StaffRolesController],
  providers: [StaffRolesService, StaffRolesRepository, StaffGrantGuard],
  exports: [StaffRolesService, StaffGrantGuard],
})
export class StaffRolesModule {}
