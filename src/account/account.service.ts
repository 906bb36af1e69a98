import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AuthService, type ClientInfo } from '../auth/auth.service';
import { SessionsRepository } from '../auth/sessions.repository';
import type { MeDto, UpdateProfileDto } from '../auth/dto/auth.dto';
import { DomainEventBus } from '../common/events/domain-events';
import { MailRepository } from '../mail/mail.repository';
import { MailService } from '../mail/mail.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { StaffRolesService } from '../staff-roles/staff-roles.service';
import type { User } from '../users/entities/user.entity';
import { PersonalDataRepository } from './personal-data.repository';
import { UsersRepository } from '../users/users.repository';

/** The signed-in person's own account: profile, data export (right of access) and deletion (right to erasure). */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly auth: AuthService,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
    private readonly mailOutbox: MailRepository,
    private readonly mail: MailService,
    private readonly events: DomainEventBus,
    private readonly staffRoles: StaffRolesService,
    private readonly personalData: PersonalDataRepository,
  ) {}

  async me(actor: AuthUser): Promise<MeDto> {
    const [user, grants] = await Promise.all([this.load(actor), this.staffRoles.grantsOf(actor.id)]);
    return this.toMe(user, grants);
  }

  async update(actor: AuthUser, dto: UpdateProfileDto): Promise<MeDto> {
    await this.users.update(actor.id, {
      ...(dto.displayName !== undefined && { displayName: dto.displayName }),
      ...(dto.locale !== undefined && { locale: dto.locale }),
    });
    return this.me(actor);
  }

  /** Everything the platform holds about the person, as one JSON document: all they wrote or did. */
  async export(actor: AuthUser) {
    const user = await this.load(actor);
    const [sessions, memberships, invitations, mails, staffActions, grants, records] = await Promise.all([
      this.sessions.listForUser(user.id, true),
      this.organizations.membershipsOf(user.id),
      this.organizations.invitationsFor(user.email!),
      this.mailOutbox.findForUser(user.id),
      this.audit.byActor(user.id),
      this.staffRoles.grantsOf(user.id),
      this.personalData.recordsOf(user.id),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      account: {
        ...this.toMe(user, grants),
        emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null,
        passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
        updatedAt: user.updatedAt.toISOString(),
      },
      sessions: sessions.map((s) => ({
        id: s.id,
        userAgent: s.userAgent,
        ip: s.ip,
        createdAt: s.createdAt.toISOString(),
        lastUsedAt: s.lastUsedAt.toISOString(),
        revokedAt: s.revokedAt?.toISOString() ?? null,
      })),
      organizationMemberships: memberships,
      invitationsReceived: invitations.map((i) => ({
        organizationId: i.organizationId,
        role: i.role,
        createdAt: i.createdAt.toISOString(),
        acceptedAt: i.acceptedAt?.toISOString() ?? null,
      })),
      // Subjects only: the texts carry one-time links that must not outlive their purpose in a file.
      emailsSent: mails.map((m) => ({
        to: m.to,
        subject: m.subject,
        kind: m.template,
        status: m.status,
        createdAt: m.createdAt.toISOString(),
      })),
      staffActions,
      ...records,
    };
  }

  /**
   * Deletes the account in one transaction: memberships removed, what is only the person's
   * removed (votes, registrations, saved searches, notifications, sessions...), personal fields
   * erased. What others read (messages, questions, letters, initiatives) stays, signed "deleted
   * user", as the account page says. If any step fails, nothing is deleted. A sole owner must hand
   * over their organisations first.
   */
  async delete(actor: AuthUser, currentPassword: string, client: ClientInfo): Promise<void> {
    const user = await this.auth.confirmCurrentPassword(actor, currentPassword, client);
    const sole = await this.organizations.findSoleOwnerships(user.id);
    if (sole.length) {
      throw new ConflictException(
        `You are the only owner of ${sole.map((o) => `"${o.name}"`).join(', ')}: make another member an owner first, or remove the organisation's other members and leave.`,
      );
    }
    const sessionIds = await this.users.transaction(async (manager) => {
      await this.organizations.removeAllMemberships(user.id, manager);
      const removed = await this.personalData.eraseRecordsOf(user.id, user.email!, manager);
      await this.users.erase(user.id, manager);
      await this.mail.enqueue(
        {
          to: user.email!,
          locale: user.locale,
          template: 'account_deleted',
          params: { name: user.displayName ?? '' },
          userId: null,
        },
        manager,
      );
      return removed;
    });
    // The sessions are gone with the commit; their open sockets are closed now.
    this.events.emit('sessions.revoked', { sessionIds });
    await this.mail.deliverNow();
  }

  private async load(actor: AuthUser): Promise<User> {
    const user = await this.users.findById(actor.id);
    if (!user) throw new UnauthorizedException('Your session has ended. Log in again.');
    return user;
  }

  private toMe(user: User, grants: MeDto['grants']): MeDto {
    return {
      id: user.id,
      email: user.email!,
      displayName: user.displayName!,
      locale: user.locale,
      role: user.role,
      grants,
      emailVerified: !!user.emailVerifiedAt,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
