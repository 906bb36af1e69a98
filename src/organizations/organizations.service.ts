import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { randomToken, sha256 } from '../common/crypto';
import { decodeCursor, encodeCursor } from '../common/http/cursor';
import { renderMarkdown } from '../common/markdown';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailService } from '../mail/mail.service';
import { NotificationsService } from '../notifications/notifications.service';
import { RegistryService } from '../registry/registry.service';
import { isStaff } from '../users/users.constants';
import { INVITATION_DAYS } from '../auth/auth.constants';
import type {
  AcceptedInvitationDto,
  CreateOrganizationDto,
  InvitationListDto,
  InviteMemberDto,
  MemberDto,
  MyOrganizationListDto,
  OrganizationDetailDto,
  OrganizationDto,
  OrganizationListQueryDto,
  OrganizationPageDto,
  UpdateOrganizationDto,
} from './dto/organization.dto';
import type { Organization } from './entities/organization.entity';
import { EDITING_ROLES, VERIFICATION_DECISIONS, type MemberRole } from './organizations.constants';
import { OrganizationsRepository } from './organizations.repository';

const NOT_FOUND = 'There is no organisation with this id, or you cannot see it.';

interface Access {
  organization: Organization;
  role: MemberRole | null;
  staff: boolean;
}

/**
 * Organisations, their members and invitations, and their verification by city staff. Every
 * method checks the caller's right to the object: members by role, staff by platform role.
 */
@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly registry: RegistryService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthUser, dto: CreateOrganizationDto): Promise<OrganizationDetailDto> {
    // Written, unless said otherwise, in the language of its author's account.
    const values = await this.validatedValues(
      { ...dto, descriptionLanguage: dto.descriptionLanguage ?? user.locale },
      true,
    );
    const organization = await this.organizations.create({ ...values, status: 'pending', createdBy: user.id }, user.id);
    return this.get(organization.id, user);
  }

  async get(id: string, user?: AuthUser): Promise<OrganizationDetailDto> {
    const access = await this.access(id, user);
    const { organization, role, staff } = access;
    const detail: OrganizationDetailDto = { ...this.toDto(organization) };
    if (user) {
      // Members and contact details are for signed-in users only.
      detail.contactEmail = organization.contactEmail;
      detail.contactPhone = organization.contactPhone;
      detail.members = await this.memberList(organization.id);
      detail.myRole = role;
    }
    if (role || staff) {
      detail.statusReason = organization.statusReason;
      detail.statusReasonLang = organization.statusReasonLanguage;
    }
    if (role && EDITING_ROLES.includes(role)) detail.description = organization.descriptionMd;
    return detail;
  }

  async list(query: OrganizationListQueryDto, user?: AuthUser): Promise<OrganizationPageDto> {
    const status = query.status ?? 'verified';
    if (status !== 'verified' && !(user && isStaff(user.role))) {
      throw new ForbiddenException('Only city staff can list organisations that are not verified.');
    }
    let cityId: number | undefined;
    if (query.city) {
      const city = await this.registry.findCityReference(query.city);
      if (!city)
        throw new BadRequestException({
          message: `city "${query.city}" is not a city of the registry`,
          fields: { city: ['city must be a key of GET /api/v1/cities or home-city'] },
        });
      cityId = city.id;
    }
    if (query.type) await this.registry.assertVocabulary('type', 'organizationType', [query.type]);
    if (query.area) await this.registry.assertVocabulary('area', 'area', [query.area]);
    const limit = query.limit ?? 20;
    const rows = await this.organizations.list({
      status,
      includeHidden: !!user && isStaff(user.role),
      type: query.type,
      cityId,
      country: query.country,
      area: query.area,
      q: query.q,
      after: query.cursor
        ? decodeCursor(query.cursor, 'cursor', ([name, id]) =>
            typeof name === 'string' && typeof id === 'string' ? { name, id } : null,
          )
        : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map((organization) => this.toDto(organization)),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].name, page[page.length - 1].id]) : null,
    };
  }

  async mine(user: AuthUser): Promise<MyOrganizationListDto> {
    const memberships = await this.organizations.findMemberships(user.id);
    return { items: memberships.map(({ organization, role }) => ({ ...this.toDto(organization), myRole: role })) };
  }

  async update(id: string, user: AuthUser, dto: UpdateOrganizationDto): Promise<OrganizationDetailDto> {
    await this.requireRole(id, user, EDITING_ROLES);
    const values = await this.validatedValues(dto, false);
    await this.organizations.update(id, values);
    return this.get(id, user);
  }

  /** The verification queue: pending organisations, oldest first. */
  async pending(limit = 100): Promise<OrganizationDto[]> {
    return (await this.organizations.listPending(limit)).map((organization) => this.toDto(organization));
  }

  async verify(id: string, moderator: AuthUser): Promise<OrganizationDetailDto> {
    return this.decide(id, moderator, 'verified', null);
  }

  async reject(id: string, moderator: AuthUser, reason: string, lang?: string): Promise<OrganizationDetailDto> {
    return this.decide(id, moderator, 'rejected', { text: reason, lang: lang ?? null });
  }

  /** After a rejection, the owners correct the details and ask again. */
  async requestVerification(id: string, user: AuthUser): Promise<OrganizationDetailDto> {
    await this.requireRole(id, user, ['owner']);
    const changed = await this.organizations.transaction((manager) =>
      this.organizations.transition(
        id,
        ['rejected'],
        {
          status: 'pending',
          statusReason: null,
          statusReasonLanguage: null,
          statusChangedAt: new Date(),
          statusChangedBy: user.id,
        },
        manager,
      ),
    );
    if (!changed) throw new ConflictException('Only a rejected organisation can ask for verification again.');
    return this.get(id, user);
  }

  async members(id: string, user: AuthUser): Promise<MemberDto[]> {
    await this.access(id, user);
    return this.memberList(id);
  }

  async changeRole(id: string, user: AuthUser, memberId: string, role: MemberRole): Promise<MemberDto[]> {
    await this.requireRole(id, user, ['owner']);
    await this.organizations.transaction(async (manager) => {
      await this.organizations.lock(id, manager);
      if (!(await this.organizations.findRole(id, memberId, manager)))
        throw new NotFoundException('This person is not a member of the organisation.');
      await this.organizations.setRole(id, memberId, role, manager);
      await this.assertKeepsOwner(id, manager);
    });
    return this.memberList(id);
  }

  /** An owner removes a member, or a member leaves (memberId is themselves). */
  async removeMember(id: string, user: AuthUser, memberId: string): Promise<void> {
    if (memberId === user.id) await this.access(id, user);
    else await this.requireRole(id, user, ['owner']);
    await this.organizations.transaction(async (manager) => {
      await this.organizations.lock(id, manager);
      if (!(await this.organizations.removeMember(id, memberId, manager)))
        throw new NotFoundException('This person is not a member of the organisation.');
      await this.assertKeepsOwner(id, manager);
    });
  }

  async transferOwnership(id: string, user: AuthUser, newOwnerId: string): Promise<MemberDto[]> {
    await this.requireRole(id, user, ['owner']);
    if (newOwnerId === user.id)
      throw new BadRequestException({
        message: 'userId must be another member',
        fields: { userId: ['userId must be another member'] },
      });
    await this.organizations.transaction(async (manager) => {
      await this.organizations.lock(id, manager);
      if (!(await this.organizations.findRole(id, newOwnerId, manager)))
        throw new NotFoundException('This person is not a member of the organisation.');
      await this.organizations.setRole(id, newOwnerId, 'owner', manager);
      await this.organizations.setRole(id, user.id, 'editor', manager);
    });
    return this.memberList(id);
  }

  async invite(id: string, user: AuthUser, dto: InviteMemberDto): Promise<InvitationListDto> {
    const { organization, role } = await this.requireRole(id, user, EDITING_ROLES);
    if (dto.role === 'owner' && role !== 'owner') throw new ForbiddenException('Only owners can invite owners.');
    const token = randomToken();
    await this.organizations.transaction(async (manager) => {
      await this.organizations.createInvitation(
        {
          organizationId: id,
          email: dto.email,
          role: dto.role,
          tokenHash: sha256(token),
          invitedBy: user.id,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        },
        manager,
      );
      await this.mail.enqueue(
        {
          to: dto.email,
          locale: user.locale,
          template: 'organization_invitation',
          params: {
            organization: organization.name,
            inviter: user.displayName,
            role: dto.role,
            link: `${this.config.publicUrl}/invitations/accept#token=${token}`,
          },
        },
        manager,
      );
    });
    await this.mail.deliverNow();
    return this.invitations(id, user);
  }

  async invitations(id: string, user: AuthUser): Promise<InvitationListDto> {
    await this.requireRole(id, user, EDITING_ROLES);
    const open = await this.organizations.listOpenInvitations(id);
    return {
      items: open.map(({ id: invitationId, email, role, createdAt, expiresAt }) => ({
        id: invitationId,
        email,
        role,
        createdAt: createdAt.toISOString(),
        expiresAt: expiresAt.toISOString(),
      })),
    };
  }

  async revokeInvitation(id: string, user: AuthUser, invitationId: string): Promise<void> {
    await this.requireRole(id, user, EDITING_ROLES);
    if (!(await this.organizations.revokeInvitation(id, invitationId)))
      throw new NotFoundException('There is no open invitation with this id.');
  }

  /** The invitation is for an address: only the account with that (verified) address can take it. */
  async acceptInvitation(user: AuthUser, token: string): Promise<AcceptedInvitationDto> {
    const tokenHash = sha256(token);
    const invitation = await this.organizations.findInvitationByToken(tokenHash);
    if (invitation && invitation.email !== user.email) {
      throw new ForbiddenException(
        `This invitation was sent to another e-mail address. Log in with the account of that address to accept it.`,
      );
    }
    return this.organizations.transaction(async (manager) => {
      const accepted = await this.organizations.acceptInvitation(tokenHash, manager);
      if (!accepted)
        throw new BadRequestException(
          'This invitation is invalid, already used, revoked or expired: ask for a new one.',
        );
      await this.organizations.lock(accepted.organizationId, manager);
      const added = await this.organizations.addMember(accepted.organizationId, user.id, accepted.role, manager);
      if (!added) throw new ConflictException('You are already a member of this organisation.');
      return { organizationId: accepted.organizationId, role: accepted.role };
    });
  }

  /** For other modules: the organisation's status and the user's role in it (null if none or no such organisation). */
  async membership(
    organizationId: string,
    userId: string,
  ): Promise<{ organization: OrganizationDto; hidden: boolean; role: MemberRole | null } | null> {
    const organization = await this.organizations.findById(organizationId);
    if (!organization) return null;
    return {
      organization: this.toDto(organization),
      hidden: !!organization.hiddenAt,
      role: await this.organizations.findRole(organizationId, userId),
    };
  }

  /** Owners' contacts, for telling them about their organisation's records. */
  ownerContacts(organizationId: string) {
    return this.organizations.findOwnerContacts(organizationId);
  }

  /** For the data export and account deletion. */
  findSoleOwnerships(userId: string) {
    return this.organizations.findSoleOwnerships(userId);
  }

  async membershipsOf(userId: string) {
    return (await this.organizations.findMemberships(userId)).map(({ organization, role, since }) => ({
      organizationId: organization.id,
      name: organization.name,
      role,
      since: since.toISOString(),
    }));
  }

  invitationsFor(email: string) {
    return this.organizations.listInvitationsForEmail(email);
  }

  removeAllMemberships(userId: string, manager: EntityManager) {
    return this.organizations.removeAllMemberships(userId, manager);
  }

  private async decide(
    id: string,
    moderator: AuthUser,
    status: 'verified' | 'rejected',
    reason: { text: string; lang: string | null } | null,
  ): Promise<OrganizationDetailDto> {
    const from = VERIFICATION_DECISIONS[status];
    const organization = await this.organizations.transaction(async (manager) => {
      const changed = await this.organizations.transition(
        id,
        [...from],
        {
          status,
          statusReason: reason?.text ?? null,
          statusReasonLanguage: reason?.lang ?? null,
          statusChangedAt: new Date(),
          statusChangedBy: moderator.id,
        },
        manager,
      );
      if (!changed) {
        const existing = await this.organizations.findById(id, manager);
        if (!existing) throw new NotFoundException(NOT_FOUND);
        throw new ConflictException(`The organisation is already ${existing.status}.`);
      }
      await this.audit.record(
        {
          actorId: moderator.id,
          action: status === 'verified' ? 'organization.verify' : 'organization.reject',
          targetType: 'organization',
          targetId: id,
          reason: reason?.text ?? null,
        },
        manager,
      );
      return (await this.organizations.findById(id, manager))!;
    });
    await this.tellOwners(organization, status, reason);
    return this.get(organization.id, moderator);
  }

  /** The owners are told of the verification decision (in the app, and by e-mail as they prefer). */
  private async tellOwners(
    organization: Organization,
    status: 'verified' | 'rejected',
    reason: { text: string; lang: string | null } | null,
  ): Promise<void> {
    const owners = await this.organizations.findOwnerContacts(organization.id);
    const link = `${this.config.publicUrl}/organizations/${organization.id}`;
    await this.notifications.notify({
      userIds: owners.map((owner) => owner.userId),
      kind: 'organization_verification',
      event: status === 'verified' ? 'organization_verified' : 'organization_rejected',
      params: {
        organization: organization.name,
        ...(status === 'rejected' && reason ? { text: reason } : {}),
      },
      link: `/organizations/${organization.id}`,
      mail: (owner) =>
        status === 'verified'
          ? {
              to: owner.email,
              locale: owner.locale,
              template: 'organization_verified',
              params: { name: owner.displayName, organization: organization.name, link },
              userId: owner.userId,
            }
          : {
              to: owner.email,
              locale: owner.locale,
              template: 'organization_rejected',
              params: { name: owner.displayName, organization: organization.name, reason: reason?.text ?? '', link },
              userId: owner.userId,
            },
    });
  }

  /** Who may see the organisation: everyone when verified and not hidden, otherwise its members and staff (404 for others). */
  private async access(id: string, user?: AuthUser): Promise<Access> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw new NotFoundException(NOT_FOUND);
    const role = user ? await this.organizations.findRole(id, user.id) : null;
    const staff = !!user && isStaff(user.role);
    const isPublic = organization.status === 'verified' && !organization.hiddenAt;
    if (!isPublic && !role && !staff) throw new NotFoundException(NOT_FOUND);
    return { organization, role, staff };
  }

  private async requireRole(
    id: string,
    user: AuthUser,
    roles: readonly MemberRole[],
  ): Promise<Access & { role: MemberRole }> {
    const access = await this.access(id, user);
    if (!access.role || !roles.includes(access.role)) {
      throw new ForbiddenException(
        roles.length === 1
          ? 'Only an owner of this organisation can do this.'
          : 'Only an owner or editor of this organisation can do this.',
      );
    }
    return access as Access & { role: MemberRole };
  }

  private async assertKeepsOwner(id: string, manager: EntityManager): Promise<void> {
    if ((await this.organizations.countOwners(id, manager)) === 0) {
      throw new ConflictException('An organisation must keep at least one owner: make someone else an owner first.');
    }
  }

  private async memberList(id: string): Promise<MemberDto[]> {
    return (await this.organizations.findMembers(id)).map((m) => ({
      userId: m.userId,
      displayName: m.displayName ?? 'deleted user',
      role: m.role,
      since: new Date(m.createdAt).toISOString(),
    }));
  }

  private async validatedValues(dto: UpdateOrganizationDto, creating: boolean): Promise<Partial<Organization>> {
    if (dto.type !== undefined) await this.registry.assertVocabulary('type', 'organizationType', [dto.type]);
    if (dto.areas !== undefined) await this.registry.assertVocabulary('areas', 'area', dto.areas);
    const values: Partial<Organization> = {};
    if (dto.cityKey !== undefined) {
      const city = await this.registry.findCityReference(dto.cityKey);
      if (!city)
        throw new BadRequestException({
          message: `cityKey "${dto.cityKey}" is not a city of the registry; give city and country instead`,
          fields: { cityKey: ['cityKey must be a key of the home city or a partner city'] },
        });
      Object.assign(values, { cityId: city.id, cityName: city.name, country: city.country });
    } else if (dto.city !== undefined || dto.country !== undefined) {
      if (!dto.city || !dto.country)
        throw new BadRequestException({
          message: 'give both city and country (or cityKey)',
          fields: { city: ['city and country go together'] },
        });
      Object.assign(values, { cityId: null, cityName: dto.city, country: dto.country });
    } else if (creating) {
      throw new BadRequestException({
        message: 'cityKey, or city and country, is required',
        fields: { cityKey: ['cityKey, or city and country, is required'] },
      });
    }
    if (dto.name !== undefined) values.name = dto.name;
    if (dto.type !== undefined) values.type = dto.type;
    if (dto.areas !== undefined) values.areas = dto.areas;
    if (dto.languages !== undefined) values.languages = dto.languages;
    if (dto.schoolLevels !== undefined) values.schoolLevels = dto.schoolLevels;
    if (dto.subjects !== undefined) values.subjects = dto.subjects;
    if (dto.partnerRoles !== undefined) values.partnerRoles = dto.partnerRoles;
    if (dto.fundingProgrammes !== undefined) values.fundingProgrammes = dto.fundingProgrammes;
    if (dto.pupilAgeMin !== undefined || dto.pupilAgeMax !== undefined) {
      // An age range is given whole, or cleared whole (null, null).
      const [min, max] = [dto.pupilAgeMin ?? null, dto.pupilAgeMax ?? null];
      if ((min === null) !== (max === null))
        throw new BadRequestException({
          message: 'give both pupilAgeMin and pupilAgeMax (or null for both)',
          fields: { pupilAgeMin: ['pupilAgeMin and pupilAgeMax go together'] },
        });
      if (min !== null && max !== null && min > max)
        throw new BadRequestException({
          message: `pupilAgeMin (${min}) must not be above pupilAgeMax (${max})`,
          fields: { pupilAgeMin: ['pupilAgeMin must not be above pupilAgeMax'] },
        });
      Object.assign(values, { pupilAgeMin: min, pupilAgeMax: max });
    }
    if (dto.website !== undefined) values.website = dto.website || null;
    if (dto.contactEmail !== undefined) values.contactEmail = dto.contactEmail || null;
    if (dto.contactPhone !== undefined) values.contactPhone = dto.contactPhone || null;
    if (dto.description !== undefined) {
      values.descriptionMd = dto.description;
      values.descriptionHtml = renderMarkdown(dto.description);
    }
    if (dto.descriptionLanguage !== undefined) values.descriptionLanguage = dto.descriptionLanguage;
    return values;
  }

  private toDto(organization: Organization): OrganizationDto {
    const city = organization.city;
    return {
      id: organization.id,
      name: organization.name,
      type: organization.type,
      city: city
        ? {
            key: city.key,
            name: city.name,
            namePl: city.namePl,
            country: city.country,
            relationship: city.isHome ? 'home' : city.relationship,
          }
        : { key: null, name: organization.cityName, namePl: null, country: organization.country, relationship: null },
      areas: organization.areas,
      languages: organization.languages,
      schoolLevels: organization.schoolLevels,
      pupilAgeMin: organization.pupilAgeMin,
      pupilAgeMax: organization.pupilAgeMax,
      subjects: organization.subjects,
      partnerRoles: organization.partnerRoles,
      fundingProgrammes: organization.fundingProgrammes,
      website: organization.website,
      descriptionHtml: organization.descriptionHtml,
      descriptionLanguage: organization.descriptionLanguage,
      status: organization.status,
      verified: organization.status === 'verified',
      createdAt: organization.createdAt.toISOString(),
    };
  }
}
