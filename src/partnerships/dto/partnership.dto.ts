import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { Optional } from '../../common/http/validation';
import { LANGUAGE_CODES } from '../../common/languages';
import {
  INTEREST_STATUSES,
  PARTNERSHIP_STATUSES,
  type InterestStatus,
  type PartnershipStatus,
} from '../partnerships.constants';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateInterestDto {
  @ApiProperty({ description: 'Your organisation (you must be its owner or editor; it must be verified)' })
  @IsUUID('4', { message: 'organizationId must be the id of your organisation' })
  organizationId: string;

  @ApiProperty({ example: 'Our school in Nuremberg would love to join: we have pupils learning Polish.' })
  @Transform(trim)
  @Length(10, 2000, { message: 'message must be 10 to 2,000 characters long' })
  @IsString({ message: 'message must be text' })
  message: string;

  @ApiPropertyOptional({
    example: 'pl',
    description: 'The language (ISO 639-1) the message is written in (the web client sends its interface language)',
  })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' })
  lang?: string;
}

export class CreateInvitationDto {
  @ApiProperty({ description: 'The verified organisation you invite (from the matches of the initiative)' })
  @IsUUID('4', { message: 'organizationId must be the id of the organisation you invite' })
  organizationId: string;

  @ApiProperty({ minLength: 10, maxLength: 2000, description: 'Why you invite them, and what you propose' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Length(10, 2000, { message: 'message must be 10 to 2,000 characters long' })
  @IsString({ message: 'message must be text' })
  message: string;

  @ApiPropertyOptional({
    example: 'pl',
    description: 'The language (ISO 639-1) the message is written in (the web client sends its interface language)',
  })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' })
  lang?: string;
}

export class InterestReplyDto {
  @ApiPropertyOptional({ description: 'Your answer, shown to the interested organisation' })
  @Optional()
  @Transform(trim)
  @Length(1, 2000, { message: 'reply must be 1 to 2,000 characters long' })
  @IsString({ message: 'reply must be text' })
  reply?: string;

  @ApiPropertyOptional({
    example: 'pl',
    description: 'The language (ISO 639-1) the reply is written in (the web client sends its interface language)',
  })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' })
  lang?: string;
}

export class InterestListQueryDto {
  @ApiProperty({ enum: ['incoming', 'sent'] })
  @IsIn(['incoming', 'sent'], { message: 'direction must be incoming or sent' })
  direction: 'incoming' | 'sent';
}

export class InterestDto {
  @ApiProperty() id: string;
  @ApiProperty() initiativeId: string;
  @ApiProperty({
    description: "The initiative's title in the reader's language when it has that version, else as written",
  })
  initiativeTitle: string;
  @ApiProperty({ description: 'The language (ISO 639-1) of initiativeTitle' }) initiativeTitleLang: string;
  @ApiProperty({ description: "The initiative's organisation (who invites, for an invitation)" })
  initiativeOrganizationId: string;
  @ApiProperty() initiativeOrganizationName: string;
  @ApiProperty({ description: 'The interested (or invited) organisation' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({
    description:
      "An invitation from the initiative's organisation (the invited organisation answers it), else an expression of interest (the initiative's organisation answers it)",
  })
  invitation: boolean;
  @ApiProperty() message: string;
  @ApiProperty({ type: String, nullable: true, description: 'The language (ISO 639-1) of message; null when not said' })
  messageLang: string | null;
  @ApiProperty({ enum: INTEREST_STATUSES }) status: InterestStatus;
  @ApiProperty({ type: String, nullable: true }) reply: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The language (ISO 639-1) of reply; null when not said' })
  replyLang: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) partnershipId: string | null;
}

export class InterestListDto {
  @ApiProperty({ type: [InterestDto] }) items: InterestDto[];
}

export class PartnerOrganizationDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty({ type: String, nullable: true }) cityKey: string | null;
  @ApiProperty({ description: "Its place, named in the reader's language (Norymberga / Nuremberg)" }) cityName: string;
  @ApiProperty() country: string;
  @ApiProperty({ description: 'The initiative’s own organisation' }) lead: boolean;
  @ApiProperty({ description: 'Agreed to show the partnership publicly' }) publicConsent: boolean;
}

export class PartnershipDto {
  @ApiProperty() id: string;
  @ApiProperty() initiativeId: string;
  @ApiProperty({
    description: "The initiative's title in the reader's language when it has that version, else as written",
  })
  initiativeTitle: string;
  @ApiProperty({ description: 'The language (ISO 639-1) of initiativeTitle' }) initiativeTitleLang: string;
  @ApiProperty({ enum: PARTNERSHIP_STATUSES }) status: PartnershipStatus;
  @ApiProperty({ type: String, nullable: true }) outcomeNote: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The language (ISO 639-1) of outcomeNote; null when not said',
  })
  outcomeNoteLang: string | null;
  @ApiProperty({ type: [PartnerOrganizationDto] }) organizations: PartnerOrganizationDto[];
  @ApiProperty({ description: 'Every participant agreed to show it publicly' }) public: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The private channel; for members of the participating organisations',
  })
  channelId: number | null;
  @ApiProperty() createdAt: string;
}

export class PartnershipListDto {
  @ApiProperty({ type: [PartnershipDto] }) items: PartnershipDto[];
}

export class UpdatePartnershipDto {
  @ApiProperty({ enum: ['completed', 'ended'] })
  @IsIn(['completed', 'ended'], { message: 'status must be completed or ended' })
  status: 'completed' | 'ended';
  @ApiPropertyOptional({ description: 'Required when completed: what came of it' })
  @Optional()
  @Transform(trim)
  @Length(3, 4000, { message: 'outcomeNote must be 3 to 4,000 characters long' })
  @IsString()
  outcomeNote?: string;

  @ApiPropertyOptional({
    example: 'pl',
    description:
      'The language (ISO 639-1) the outcome note is written in (the web client sends its interface language)',
  })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' })
  lang?: string;
}

export class ConsentDto {
  @ApiProperty({ description: 'Your organisation agrees (true) or not (false) to show the partnership publicly' })
  @IsBoolean({ message: 'public must be true or false' })
  public: boolean;
  @ApiProperty()
  @IsUUID('4', { message: 'organizationId must be the id of your participating organisation' })
  organizationId: string;
}

export class PartnershipCityCountDto {
  @ApiProperty() cityKey: string;
  @ApiProperty() cityName: string;
  @ApiProperty() namePl: string;
  @ApiProperty() relationship: string;
  @ApiProperty() partnerships: number;
}

export class PartnershipStatsDto {
  @ApiProperty({
    type: [PartnershipCityCountDto],
    description: 'Active and completed partnerships with an organisation in each partner city',
  })
  items: PartnershipCityCountDto[];
}
