import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsRowId, Optional } from '../../../common/http/validation';
import { LANGUAGE_CODES } from '../../../common/languages';
import { trim } from '../../shared/dto-fields';
import { MEETING_STATUSES } from '../../shared/forum.constants';

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
  @ApiProperty() @Type(() => Number) @IsRowId('slotId must be a slot id') slotId: number;
  @ApiProperty({ description: 'Your organisation' })
  @IsUUID('4', { message: 'organizationId must be the id of your organisation' })
  organizationId: string;
  @ApiProperty({ description: 'The organisation you want to meet' })
  @IsUUID('4', { message: 'withOrganizationId must be an organisation id' })
  withOrganizationId: string;
  @ApiPropertyOptional() @Optional() @Transform(trim) @MaxLength(500) @IsString() message?: string;
  @ApiPropertyOptional({
    example: 'pl',
    description: 'The language (ISO 639-1) the message is written in (the web client sends its interface language)',
  })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' })
  lang?: string;
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
  @ApiProperty({ enum: MEETING_STATUSES }) status: string;
  @ApiProperty({ type: Number, nullable: true }) tableNo: number | null;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The language (ISO 639-1) of message; null when not said' })
  messageLang: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The partnership the meeting led to, once either side said "we will work together"',
  })
  partnershipId: string | null;
}

export class MeetingListDto {
  @ApiProperty({ type: [MeetingDto] }) items: MeetingDto[];
}

export class MeetingQueryDto {
  @ApiProperty() @IsUUID('4', { message: 'organizationId must be an organisation id' }) organizationId: string;
}

export class WorkTogetherDto {
  @ApiPropertyOptional({
    description:
      "The initiative to work on: one of either side's (GET /api/v1/forum/meetings/{id}/initiatives lists them)",
  })
  @Optional()
  @IsUUID('4', { message: 'initiativeId must be the id of an initiative of one of the two organisations' })
  initiativeId?: string;

  @ApiPropertyOptional({
    maxLength: 140,
    description: 'Instead of initiativeId: the title of a new initiative (a draft of your organisation) to work on',
  })
  @Optional()
  @Transform(trim)
  @Length(3, 140, { message: 'title must be 3 to 140 characters long' })
  @IsString({ message: 'title must be text' })
  title?: string;
}

export class MeetingInitiativeDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: "The title in the reader's language when it has that version, else as written" })
  title: string;
  @ApiProperty({ description: 'The language (ISO 639-1) of title' }) titleLang: string;
  @ApiProperty() status: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() organizationName: string;
}

export class MeetingInitiativeListDto {
  @ApiProperty({ type: [MeetingInitiativeDto] }) items: MeetingInitiativeDto[];
}
