import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { EmailToken } from '../auth/entities/email-token.entity';
import { RefreshToken } from '../auth/entities/refresh-token.entity';
import { InstanceSecret } from '../auth/entities/instance-secret.entity';
import { Session } from '../auth/entities/session.entity';
import { RateLimitBucket } from '../common/rate-limit/rate-limit-bucket.entity';
import { Initiative } from '../initiatives/entities/initiative.entity';
import { Channel } from '../channels/entities/channel.entity';
import { ChannelMember } from '../channels/entities/channel-member.entity';
import { Message } from '../channels/entities/message.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { NotificationPreference } from '../notifications/entities/notification-preference.entity';
import { SavedSearch } from '../matching/entities/saved-search.entity';
import { Interest } from '../partnerships/entities/interest.entity';
import { Partnership } from '../partnerships/entities/partnership.entity';
import { PartnershipMember } from '../partnerships/entities/partnership-member.entity';
import { PartnershipFile } from '../workspace/entities/partnership-file.entity';
import { PartnershipTask } from '../workspace/entities/partnership-task.entity';
import { DiaryConsent, DiaryEntry } from '../workspace/entities/diary-entry.entity';
import { ForumEdition } from '../forum/editions/entities/forum-edition.entity';
import { ForumRegistration } from '../forum/registrations/entities/forum-registration.entity';
import { ForumSession } from '../forum/proposals/entities/forum-session.entity';
import { Meeting, MeetingParticipant, MeetingSlot } from '../forum/meetings/entities/meeting.entity';
import { QaQuestion, QaVote } from '../forum/qa/entities/qa-question.entity';
import { InitiativeTransition } from '../initiatives/entities/initiative-transition.entity';
import { SearchWord } from '../initiatives/entities/search-word.entity';
import { InitiativeFacetCount } from '../initiatives/entities/initiative-facet-count.entity';
import { SearchGeneration } from '../initiatives/entities/search-generation.entity';
import { JobRun } from '../jobs/entities/job-run.entity';
import { Report } from '../moderation/entities/report.entity';
import { OutboxMail } from '../mail/entities/outbox-mail.entity';
import { Organization } from '../organizations/entities/organization.entity';
import { OrganizationInvitation } from '../organizations/entities/organization-invitation.entity';
import { OrganizationMember } from '../organizations/entities/organization-member.entity';
import { City } from '../registry/entities/city.entity';
import { CityDocument } from '../registry/entities/city-document.entity';
import {
  Consultation,
  ConsultationComment,
  ConsultationResponse,
  ConsultationResponseComment,
  ConsultationSection,
  ConsultationSupport,
} from '../consultations/entities/consultation.entity';
import { Delegation } from '../delegations/entities/delegation.entity';
import { DormancyReview } from '../dormancy/entities/dormancy-review.entity';
import { CityNetwork } from '../registry/entities/city-network.entity';
import { CooperationArea } from '../registry/entities/cooperation-area.entity';
import { Goal } from '../registry/entities/goal.entity';
import { OrganizationType } from '../registry/entities/organization-type.entity';
import { Principle } from '../registry/entities/principle.entity';
import { RegistryChange } from '../registry/entities/registry-change.entity';
import { CalendarFeed } from '../deadlines/entities/calendar-feed.entity';
import { DeadlineReminder } from '../deadlines/entities/deadline-reminder.entity';
import { StaffRoleGrant } from '../staff-roles/entities/staff-role-grant.entity';
import { User } from '../users/entities/user.entity';

/** Every entity of the app, in one list shared by the app, the tests and the migration CLI. */
export const ENTITIES = [
  City,
  CityDocument,
  CityNetwork,
  CooperationArea,
  OrganizationType,
  Goal,
  Principle,
  RegistryChange,
  Delegation,
  DormancyReview,
  Consultation,
  ConsultationSection,
  ConsultationComment,
  ConsultationSupport,
  ConsultationResponse,
  ConsultationResponseComment,
  User,
  StaffRoleGrant,
  Session,
  RefreshToken,
  EmailToken,
  InstanceSecret,
  OutboxMail,
  AuditEntry,
  RateLimitBucket,
  Organization,
  OrganizationMember,
  OrganizationInvitation,
  Initiative,
  InitiativeTransition,
  SearchWord,
  InitiativeFacetCount,
  SearchGeneration,
  Report,
  Channel,
  ChannelMember,
  Message,
  Notification,
  NotificationPreference,
  Interest,
  Partnership,
  PartnershipMember,
  PartnershipFile,
  PartnershipTask,
  DiaryEntry,
  DiaryConsent,
  SavedSearch,
  ForumEdition,
  ForumSession,
  ForumRegistration,
  QaQuestion,
  QaVote,
  MeetingSlot,
  Meeting,
  MeetingParticipant,
  JobRun,
  DeadlineReminder,
  CalendarFeed,
];
