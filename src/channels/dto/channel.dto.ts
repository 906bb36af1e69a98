import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsRowId, Optional } from '../../common/http/validation';
import { LANGUAGE_CODES } from '../../common/languages';
import { MESSAGE_MAX_LENGTH } from '../channels.constants';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The same DTO validates a message sent by REST and by the socket (`message:send`). */
export class SendMessageDto {
  @ApiProperty({ maxLength: MESSAGE_MAX_LENGTH })
  @Transform(trim)
  @Length(1, MESSAGE_MAX_LENGTH, { message: `body must be 1 to ${MESSAGE_MAX_LENGTH} characters long` })
  @IsString({ message: 'body must be text' })
  body: string;

  @ApiProperty({
    description:
      "The sender's own id for this message (for example a UUID): a retry with the same clientId stores nothing new",
    example: 'c0a8012e-7f4b-4b2a-9d43-1f0e5c3b9a77',
  })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, {
    message: 'clientId must be 8 to 64 letters, digits, - or _ (for example a UUID)',
  })
  clientId: string;

  @ApiPropertyOptional({ example: 'pl', description: 'The language the message is in (the web client sends its own)' })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' })
  lang?: string;
}

export class SocketSendMessageDto extends SendMessageDto {
  @ApiProperty()
  @Type(() => Number)
  @IsRowId('channelId must be a channel id')
  channelId: number;
}

export class SocketChannelDto {
  @ApiProperty()
  @IsRowId('channelId must be a channel id')
  channelId: number;
  @ApiPropertyOptional({ description: 'The last message id seen: the ack carries what came after it' })
  @Optional()
  @IsRowId('after must be a message id', 'bigint', 0)
  after?: number;
}

export class SocketEditMessageDto {
  @ApiProperty() @IsRowId('channelId must be a channel id') channelId: number;
  @ApiProperty() @IsRowId('messageId must be a message id', 'bigint') messageId: number;
  @ApiProperty()
  @Transform(trim)
  @Length(1, MESSAGE_MAX_LENGTH, { message: `body must be 1 to ${MESSAGE_MAX_LENGTH} characters long` })
  @IsString()
  body: string;
}

export class SocketMessageRefDto {
  @ApiProperty() @IsRowId('channelId must be a channel id') channelId: number;
  @ApiProperty() @IsRowId('messageId must be a message id', 'bigint') messageId: number;
}

export class EditMessageDto {
  @ApiProperty()
  @Transform(trim)
  @Length(1, MESSAGE_MAX_LENGTH, { message: `body must be 1 to ${MESSAGE_MAX_LENGTH} characters long` })
  @IsString({ message: 'body must be text' })
  body: string;
}

export class HideMessageDto {
  @ApiProperty()
  @Transform(trim)
  @Length(3, 2000, { message: 'reason must be 3 to 2,000 characters long' })
  @IsString({ message: 'reason must be text' })
  reason: string;

  @ApiPropertyOptional({ example: 'pl', description: 'The language the reason is in (the web client sends its own)' })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' })
  lang?: string;
}

export class HistoryQueryDto {
  @ApiPropertyOptional({ description: 'Messages after this id, oldest first (catch-up)' })
  @Optional()
  @Type(() => Number)
  @IsRowId('after must be a message id', 'bigint', 0)
  after?: number;
  @ApiPropertyOptional({ description: 'Messages before this id (scrolling back); without after or before: the newest' })
  @Optional()
  @Type(() => Number)
  @IsRowId('before must be a message id', 'bigint')
  before?: number;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;
}

export class MessageAuthorDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: '"deleted user" for an erased account' }) displayName: string;
}

export class MessageDto {
  @ApiProperty({ description: 'Grows within its channel in commit order' }) id: number;
  @ApiProperty() channelId: number;
  @ApiProperty({ type: MessageAuthorDto }) author: MessageAuthorDto;
  @ApiProperty({ type: String, nullable: true, description: 'Null when deleted or hidden' }) body: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'pl', description: 'The language its author said it is in' })
  lang: string | null;
  @ApiProperty() clientId: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) editedAt: string | null;
  @ApiProperty() deleted: boolean;
  @ApiProperty() hidden: boolean;
  @ApiProperty({ type: String, nullable: true, description: "The moderator's reason, shown to every reader" })
  hiddenReason: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'pl',
    description: 'The language the moderator said the reason is in',
  })
  hiddenReasonLang: string | null;
}

export class MessagePageDto {
  @ApiProperty({ type: [MessageDto], description: 'Oldest first' }) items: MessageDto[];
  @ApiProperty({ description: 'More messages exist beyond this page in the asked direction' }) more: boolean;
}

export class ChannelDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['initiative', 'private'] }) kind: string;
  @ApiProperty({
    description:
      "What it is about: its initiative's title (a partnership's channel: the partnership's initiative's) in the reader's version when there is one, else as written; a channel of neither, its own name",
  })
  title: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The language (ISO 639-1) of title; null for a channel's own name",
  })
  titleLang: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The partnership whose channel it is (the client words the title "Partnership: <title>")',
  })
  partnershipId: string | null;
  @ApiProperty({ type: String, nullable: true }) initiativeId: string | null;
  @ApiProperty({ description: 'You may post in it' }) canPost: boolean;
}
