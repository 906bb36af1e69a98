import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source-options';
import { AccountModule } from './account/account.module';
import { AuditModule } from './audit/audit.module';
import { OpenDataModule } from './open-data/open-data.module';
import { AuthModule } from './auth/auth.module';
import { ChannelsModule } from './channels/channels.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { ConsultationsModule } from './consultations/consultations.module';
import { DelegationsModule } from './delegations/delegations.module';
import { DormancyModule } from './dormancy/dormancy.module';
import { EventsModule } from './common/events/events.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RealtimeModule } from './realtime/realtime.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { HealthModule } from './health/health.module';
import { InitiativesModule } from './initiatives/initiatives.module';
import { JobsModule } from './jobs/jobs.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { ForumModule } from './forum/forum.module';
import { MailModule } from './mail/mail.module';
import { MatchingModule } from './matching/matching.module';
import { PartnershipsModule } from './partnerships/partnerships.module';
import { PublicPagesModule } from './public-pages/public-pages.module';
import { ModerationModule } from './moderation/moderation.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { RegistryModule } from './registry/registry.module';
import { StaffRolesModule } from './staff-roles/staff-roles.module';
import { StatisticsModule } from './statistics/statistics.module';
import { WorkspaceModule } from './workspace/workspace.module';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/** The application: one feature module per capability (see docs/ARCHITECTURE.md). */
@Module({})
export class AppModule {
  /** `databaseUrl` is resolved before the app starts (embedded server or DATABASE_URL). */
  static forRoot(config: AppConfig, databaseUrl: string, options: { connect?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LifecycleModule,
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), manualInitialization: options.connect === false }),
        EventsModule,
        RateLimitModule,
        MailModule,
        JobsModule,
        HealthModule,
        RegistryModule,
        DeadlinesModule,
        AuditModule,
        StaffRolesModule,
        DelegationsModule,
        DormancyModule,
        ConsultationsModule,
        AuthModule,
        OrganizationsModule,
        NotificationsModule,
        ChannelsModule,
        InitiativesModule,
        ModerationModule,
        MatchingModule,
        PartnershipsModule,
        WorkspaceModule,
        ForumModule,
        PublicPagesModule,
        AccountModule,
        OpenDataModule,
        StatisticsModule,
        RealtimeModule,
      ],
    };
  }
}
