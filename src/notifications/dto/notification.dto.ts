import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { IsRowId, Optional } from '../../common/http/validation';
import { DELIVERIES, NOTIFICATION_KINDS, type Delivery, type NotificationKind } from '../notifications.constants';
import { NOTIFICATION_EVENTS, type NotificationEvent } from '../notification-texts';

export class LocalizedTextDto {
  @ApiProperty() pl: string;
  @ApiProperty() en: string;
}

export class QuotedTextDto {
  @ApiProperty() text: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'pl',
    description: 'Its language (ISO 639-1), null when not known',
  })
  lang: string | null;
}

export class LocalizedQuoteDto {
  @ApiProperty({
    type: QuotedTextDto,
    description: 'The version a Polish reader gets (the original when there is no Polish one)',
  })
  pl: QuotedTextDto;
  @ApiProperty({ type: QuotedTextDto, description: 'The version an English reader gets' })
  en: QuotedTextDto;
}

/** The parameters of notification-texts.ts (NotificationParams), as the OpenAPI document describes them. */
export class NotificationParamsDto {
  @ApiPropertyOptional({
    type: LocalizedQuoteDto,
    description: "What it is about: an initiative's or a session's title, a channel's name",
  })
  subject?: LocalizedQuoteDto;
  @ApiPropertyOptional({ description: "The subject is a partnership's channel" }) partnership?: boolean;
  @ApiPropertyOptional({ description: 'The organisation that acted' }) organization?: string;
  @ApiPropertyOptional({ description: 'The other organisation' }) partner?: string;
  @ApiPropertyOptional({ type: LocalizedTextDto, description: 'Where the organisation is, in each language' })
  place?: LocalizedTextDto;
  @ApiPropertyOptional({ description: "The message's author" }) author?: string;
  @ApiPropertyOptional({
    type: QuotedTextDto,
    nullable: true,
    description: 'What a person wrote (an excerpt, a reply, a reason); null once the message is hidden or deleted',
  })
  text?: QuotedTextDto | null;
  @ApiPropertyOptional({ enum: ['hidden', 'deleted'] }) redacted?: 'hidden' | 'deleted';
  @ApiPropertyOptional({ type: [String], description: 'The saved searches matched' }) searches?: string[];
}

export class NotificationDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({
    enum: NOTIFICATION_EVENTS,
    nullable: true,
    description:
      'What happened: with params, the client words it in its language (null: an old notification, only title and body)',
  })
  event: NotificationEvent | null;
  @ApiProperty({ type: NotificationParamsDto, nullable: true }) params: NotificationParamsDto | null;
  @ApiProperty({ type: LocalizedTextDto, description: 'Worded in each language' }) title: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto }) body: LocalizedTextDto;
  @ApiProperty({ example: '/initiatives/…' }) link: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() read: boolean;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto], description: 'Newest first' }) items: NotificationDto[];
  @ApiProperty() unread: number;
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class NotificationQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @Type(() => Number)
  @IsRowId('cursor must be the nextCursor of a previous page', 'bigint')
  cursor?: number;
  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100, { message: 'limit must be at most 100' })
  limit?: number;
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [Number], description: 'These notifications' })
  @Optional()
  @IsArray({ message: 'ids must be a list of notification ids' })
  @ArrayMaxSize(500)
  @IsInt({ each: true, message: 'each of ids must be a notification id' })
  @Min(1, { each: true, message: 'each of ids must be a notification id' })
  @Max(Number.MAX_SAFE_INTEGER, { each: true, message: 'each of ids must be a notification id' })
  ids?: number[];
  @ApiPropertyOptional({ description: 'All of mine' })
  @Optional()
  @IsBoolean({ message: 'all must be true or false' })
  all?: boolean;
}

export class UnreadDto {
  @ApiProperty() unread: number;
}

export class PreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS, { message: `kind must be one of: ${NOTIFICATION_KINDS.join(', ')}` })
  kind: NotificationKind;
  @ApiProperty({
    enum: DELIVERIES,
    description: 'in_app: the bell only; email: also an e-mail at once; digest: also in a daily e-mail',
  })
  @IsIn(DELIVERIES, { message: `delivery must be one of: ${DELIVERIES.join(', ')}` })
  delivery: Delivery;
}

export class PreferencesDto {
  @ApiProperty({ type: [PreferenceDto] })
  @IsArray({ message: 'items must be a list' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  items: PreferenceDto[];
}
