import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { StaffRolesModule } from '../staff-roles/staff-roles.module';
import { UsersModule } from '../users/users.module';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { PersonalDataRepository } from './personal-data.repository';

@Module({
  imports: [UsersModule, AuthModule, OrganizationsModule, AuditModule, StaffRolesModule],
  controllers: [AccountController],
  providers: [AccountService, PersonalDataRepository],
})
export class AccountModule {}
