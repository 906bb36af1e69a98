import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { RegistryModule } from '../registry/registry.module';
import { ForumQaGateway } from './forum-qa.gateway';
import { ForumController } from './forum.controller';
import { ForumRepository } from './forum.repository';
import { ForumService } from './forum.service';

@Module({
  imports: [OrganizationsModule, RegistryModule, AuditModule],
  controllers: [ForumController],
  providers: [ForumService, ForumRepository, ForumQaGateway],
})
export class ForumModule {}
