import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
} from 'class-validator';
import { LANGUAGE_CODES } from '../../common/languages';
import { IsCalendarDateConstraint } from '../../common/validation/is-calendar-date';
import {
  EDITION_STATUSES,
  SESSION_KINDS,
  SESSION_STATUSES,
  type EditionStatus,
  type SessionKind,
  type SessionStatus,
} from '../forum.constants';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const KEY = /^[a-z0-9_]{1,64}$/;

export class CreateEditionDto {
  @ApiProperty({ example: 2027 })
  @Type(() => Number)
  @IsInt({ message: 'year must be a year' })
  @Min(2000)
  @Max(2100)
  year: number;
  @ApiProperty()
  @Transform(trim)
  @Length(3, 300, { message: 'themePl must be 3 to 300 characters long' })
  @IsString()
  themePl: string;
  @ApiProperty()
  @Transform(trim)
  @Length(3, 300, { message: 'themeEn must be 3 to 300 characters long' })
  @IsString()
  themeEn: string;
  @ApiProperty({ example: '2027-05-20' }) @Validate(IsCalendarDateConstraint) startsOn: string;
  @ApiProperty({ example: '2027-05-21' }) @Validate(IsCalendarDateConstraint) endsOn: string;
  @ApiProperty({ example: 'ICE Kraków Congress Centre' })
  @Transform(trim)
  @Length(2, 300, { message: 'venue must be 2 to 300 characters long' })
  @IsString()
  venue: string;
  @ApiProperty({ type: [String], example: ['pl', 'en'] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(LANGUAGE_CODES, { each: true, message: 'each of languages must be an ISO 639-1 code' })
  languages: string[];
  @ApiPropertyOptional({ description: 'Tables for 1:1 meetings', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(500)
  meetingTables?: number;
}

export class EditionDto {
  @ApiProperty() id: string;
  @ApiProperty() year: number;
  @ApiProperty() themePl: string;
  @ApiProperty() themeEn: string;
  @ApiProperty() startsOn: string;
  @ApiProperty() endsOn: string;
  @ApiProperty() venue: string;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ enum: EDITION_STATUSES }) status: EditionStatus;
  @ApiProperty() meetingTables: number;
  @ApiProperty() outcomesPublished: boolean;
}

export class EditionListDto {
  @ApiProperty({ type: [EditionDto] }) items: EditionDto[];
}

export class ProposeSessionDto {
  @ApiProperty() @IsUUID('4', { message: 'organizationId must be the id of your organisation' }) organizationId: string;
  @ApiProperty({ enum: SESSION_KINDS })
  @IsIn(SESSION_KINDS, { message: `kind must be one of: ${SESSION_KINDS.join(', ')}` })
  kind: SessionKind;
  @ApiProperty()
  @Transform(trim)
  @Length(3, 200, { message: 'title must be 3 to 200 characters long' })
  @IsString()
  title: string;
  @ApiProperty()
  @Transform(trim)
  @Length(20, 4000, { message: 'abstract must be 20 to 4,000 characters long' })
  @IsString()
  abstract: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1, { message: 'areas must name at least one cooperation area' })
  @ArrayMaxSize(10)
  @Matches(KEY, { each: true, message: 'each of areas must be an area key' })
  areas: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(18)
  @Matches(KEY, { each: true, message: 'each of goals must be a goal key' })
  goals?: string[];
  @ApiProperty({ type: [String], example: ['Anna Kowalska (SP 7 Kraków)'] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  speakers: string[];
  @ApiProperty({ example: 'en' })
  @IsIn(LANGUAGE_CODES, { message: 'language must be an ISO 639-1 code' })
  language: string;
  @ApiPropertyOptional({ type: [String], example: ['nuremberg'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(31)
  @Matches(KEY, { each: true, message: 'each of partnerCities must be a city key' })
  partnerCities?: string[];
}

export class AcceptSessionDto {
  @ApiProperty({ example: 'Sala A' })
  @Transform(trim)
  @Length(1, 100, { message: 'room must be 1 to 100 characters long' })
  @IsString()
  room: string;
  @ApiProperty({ example: '2027-05-20T10:00:00+02:00' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time (ISO 8601)' })
  startsAt: string;
  @ApiProperty({ example: '2027-05-20T11:30:00+02:00' })
  @IsISO8601({ strict: true }, { message: 'endsAt must be a date and time (ISO 8601)' })
  endsAt: string;
  @ApiProperty({ example: 40 })
  @Type(() => Number)
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(10000)
  capacity: number;
  @ApiPropertyOptional({ default: false, description: 'Questions appear after a moderator approves them' })
  @IsOptional()
  @IsBoolean()
  qaModerated?: boolean;
}

export class ForumReasonDto {
  @ApiProperty()
  @Transform(trim)
  @Length(3, 2000, { message: 'reason must be 3 to 2,000 characters long' })
  @IsString({ message: 'reason must be text' })
  reason: string;
}

export class ForumSessionDto {
  @ApiProperty() id: string;
  @ApiProperty() editionId: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ enum: SESSION_KINDS }) kind: SessionKind;
  @ApiProperty() title: string;
  @ApiProperty() abstract: string;
  @ApiProperty({ type: [String] }) areas: string[];
  @ApiProperty({ type: [String] }) goals: string[];
  @ApiProperty({ type: [String] }) speakers: string[];
  @ApiProperty() language: string;
  @ApiProperty({ type: [String] }) partnerCities: string[];
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty({ type: String, nullable: true }) decisionReason: string | null;
  @ApiProperty({ type: String, nullable: true }) room: string | null;
  @ApiProperty({ type: String, nullable: true }) startsAt: string | null;
  @ApiProperty({ type: String, nullable: true }) endsAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) capacity: number | null;
  @ApiProperty() confirmed: number;
  @ApiProperty() waiting: number;
  @ApiProperty() qaModerated: boolean;
}

export class ForumSessionListDto {
  @ApiProperty({ type: [ForumSessionDto] }) items: ForumSessionDto[];
}

export class AgendaQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(KEY, { message: 'area must be an area key' }) area?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be an ISO 639-1 code' })
  lang?: string;
}

export class AgendaRoomDto {
  @ApiProperty() room: string;
  @ApiProperty({ type: [ForumSessionDto] }) sessions: ForumSessionDto[];
}

export class AgendaDayDto {
  @ApiProperty({ example: '2027-05-20' }) day: string;
  @ApiProperty({ type: [AgendaRoomDto] }) rooms: AgendaRoomDto[];
}

export class AgendaDto {
  @ApiProperty({ type: EditionDto }) edition: EditionDto;
  @ApiProperty({ type: [AgendaDayDto] }) days: AgendaDayDto[];
}

export class RegistrationDto {
  @ApiProperty({ enum: ['confirmed', 'waiting', 'cancelled'] }) status: string;
  @ApiPropertyOptional({ description: 'Place on the waiting list (1 = next)' }) position?: number;
}

export class SlotInputDto {
  @ApiProperty()
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time (ISO 8601)' })
  startsAt: string;
  @ApiProperty() @IsISO8601({ strict: true }, { message: 'endsAt must be a date and time (ISO 8601)' }) endsAt: string;
}

export class CreateSlotsDto {
  @ApiProperty({ type: [SlotInputDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SlotInputDto)
  slots: SlotInputDto[];
}

export class SlotDto {
  @ApiProperty() id: number;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
}

export class SlotListDto {
  @ApiProperty({ type: [SlotDto] }) items: SlotDto[];
}

export class RequestMeetingDto {
  @ApiProperty() @Type(() => Number) @IsInt({ message: 'slotId must be a slot id' }) slotId: number;
  @ApiProperty({ description: 'Your organisation' })
  @IsUUID('4', { message: 'organizationId must be the id of your organisation' })
  organizationId: string;
  @ApiProperty({ description: 'The organisation you want to meet' })
  @IsUUID('4', { message: 'withOrganizationId must be an organisation id' })
  withOrganizationId: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @MaxLength(500) @IsString() message?: string;
}

export class MeetingDto {
  @ApiProperty() id: string;
  @ApiProperty() slotId: number;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() requesterId: string;
  @ApiProperty() requesterName: string;
  @ApiProperty() inviteeId: string;
  @ApiProperty() inviteeName: string;
  @ApiProperty({ enum: ['requested', 'accepted', 'declined', 'cancelled'] }) status: string;
  @ApiProperty({ type: Number, nullable: true }) tableNo: number | null;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
}

export class MeetingListDto {
  @ApiProperty({ type: [MeetingDto] }) items: MeetingDto[];
}

export class MeetingQueryDto {
  @ApiProperty() @IsUUID('4', { message: 'organizationId must be an organisation id' }) organizationId: string;
}

export class QuestionDto {
  @ApiProperty() id: number;
  @ApiProperty() sessionId: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null when asked anonymously (staff always see it)' })
  author: string | null;
  @ApiProperty() anonymous: boolean;
  @ApiProperty({ enum: ['pending', 'visible', 'hidden'] }) status: string;
  @ApiProperty() pinned: boolean;
  @ApiProperty() answered: boolean;
  @ApiProperty() votes: number;
  @ApiProperty() createdAt: string;
}

export class QuestionListDto {
  @ApiProperty({ type: [QuestionDto], description: 'Pinned first, then by votes, then oldest' }) items: QuestionDto[];
}

export class QuestionActionDto {
  @ApiProperty({ enum: ['approve', 'pin', 'unpin', 'answered', 'hide'] })
  @IsIn(['approve', 'pin', 'unpin', 'answered', 'hide'], {
    message: 'action must be one of: approve, pin, unpin, answered, hide',
  })
  action: 'approve' | 'pin' | 'unpin' | 'answered' | 'hide';
  @ApiPropertyOptional({ description: 'Required to hide' })
  @IsOptional()
  @Transform(trim)
  @Length(3, 500)
  @IsString()
  reason?: string;
}

export class MarkOriginDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4', { message: 'initiativeId must be an initiative id' })
  initiativeId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4', { message: 'partnershipId must be a partnership id' })
  partnershipId?: string;
}

export class PublishOutcomesDto {
  @ApiProperty()
  @Transform(trim)
  @Length(10, 10000, { message: 'summary must be 10 to 10,000 characters long' })
  @IsString()
  summary: string;
}

export class OutcomesDto {
  @ApiProperty({ type: EditionDto }) edition: EditionDto;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty() sessionsHeld: number;
  @ApiProperty() registrations: number;
  @ApiProperty() attendance: number;
  @ApiProperty() questionsAsked: number;
  @ApiProperty() questionsAnswered: number;
  @ApiProperty() meetingsHeld: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) sessions: {
    id: string;
    title: string;
    kind: string;
    room: string | null;
    confirmed: number;
    capacity: number | null;
    questions: number;
    answered: number;
  }[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) initiatives: { id: string; title: string }[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) partnerships: { id: string; initiativeTitle: string }[];
}
