import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user';
import { NotificationsService, quotedTitle } from '../../notifications/notifications.service';
import { OrganizationsService } from '../../organizations/organizations.service';
import { EditionsService } from '../editions/editions.service';
import { MeetingsService } from '../meetings/meetings.service';
import { ProposalsService } from '../proposals/proposals.service';
import { PARTICIPATION_STATUSES, PUBLIC_AGENDA } from '../shared/forum.constants';
import type { RegistrationDto } from './dto/registration.dto';
import { RegistrationsRepository } from './registrations.repository';

/** Registration for an edition and its sessions: confirmed while places remain, then a waiting list in order. */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly editions: EditionsService,
    private readonly proposals: ProposalsService,
    private readonly meetings: MeetingsService,
    private readonly organizations: OrganizationsService,
    private readonly notifications: NotificationsService,
  ) {}

  async registerForEdition(user: AuthUser, editionId: string): Promise<RegistrationDto> {
    const edition = await this.editions.edition(editionId);
    if (!PUBLIC_AGENDA.includes(edition.status) || edition.status === 'closed')
      throw new ConflictException('Registration opens with the published agenda and closes with the edition.');
    await this.registrations.registerForEdition(editionId, user.id);
    return { status: 'confirmed' };
  }

  async registerForSession(user: AuthUser, sessionId: string): Promise<RegistrationDto> {
    const session = await this.proposals.session(sessionId);
    const edition = await this.editions.edition(session.editionId);
    if (session.status !== 'accepted' || !session.capacity || !PARTICIPATION_STATUSES.includes(edition.status))
      throw new ConflictException('Registration for this session is not open.');
    await this.registrations.registerForEdition(session.editionId, user.id);
    const { status } = await this.registrations.registerForSession(sessionId, session.editionId, user.id);
    return status === 'waiting'
      ? { status, position: (await this.registrations.waitingPosition(sessionId, user.id)) ?? undefined }
      : { status };
  }

  async cancelSessionRegistration(user: AuthUser, sessionId: string): Promise<RegistrationDto> {
    const session = await this.proposals.session(sessionId);
    const { cancelled, promotedUserId } = await this.registrations.cancelSessionRegistration(sessionId, user.id);
    if (!cancelled) throw new NotFoundException('You are not registered for this session.');
    if (promotedUserId) {
      await this.notifications.notify({
        userIds: [promotedUserId],
        kind: 'forum',
        event: 'session_place',
        params: { subject: quotedTitle(session.title, session.language, session.translations) },
        link: `/forum/sessions/${sessionId}`,
      });
    }
    return { status: 'cancelled' };
  }

  /** My forum: my registrations and my organisations' meetings. */
  async myForum(user: AuthUser, editionId: string) {
    await this.editions.edition(editionId);
    const organizations = (await this.organizations.mine(user)).items.map((o) => o.id);
    return {
      registrations: await this.registrations.myRegistrations(editionId, user.id),
      meetings: await this.meetings.meetingsOfOrganizations(editionId, organizations),
    };
  }
}
