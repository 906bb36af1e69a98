import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
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
  @ApiProperty({ enum: MEETING_STATUSES }) status: string;
  @ApiProperty({ type: Number, nullable: true }) tableNo: number | null;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
}

export class MeetingListDto {
  @ApiProperty({ type: [MeetingDto] }) items: MeetingDto[];
}

export class MeetingQueryDto {
  @ApiProperty() @IsUUID('4', { message: 'organizationId must be an organisation id' }) organizationId: string;
}
