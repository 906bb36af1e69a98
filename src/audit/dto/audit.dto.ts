import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsISO8601, IsInt, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../../common/http/validation';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'Id of the staff member' })
  @Optional()
  @IsUUID('4', { message: 'actor must be a user id' })
  actor?: string;
  @ApiPropertyOptional({ description: "The staff member's e-mail address", example: 'moderator@example.org' })
  @Optional()
  @IsEmail({}, { message: 'person must be an e-mail address' })
  @MaxLength(254, { message: 'person must be an e-mail address' })
  person?: string;
  @ApiPropertyOptional({ example: 'organization.verify' })
  @Optional()
  @Matches(/^[a-z_.]{1,60}$/, { message: 'action must be an action name such as organization.verify' })
  action?: string;
  @ApiPropertyOptional({ example: 'organization' })
  @Optional()
  @Matches(/^[a-z_]{1,40}$/, { message: 'targetType must be a type name such as organization' })
  targetType?: string;
  @ApiPropertyOptional()
  @Optional()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'targetId must be an id' })
  targetId?: string;
  @ApiPropertyOptional({ example: '2026-11-01' })
  @Optional()
  @IsISO8601({}, { message: 'from must be a date or time (ISO 8601)' })
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-01', description: 'Up to this time; a date alone includes that day' })
  @Optional()
  @IsISO8601({}, { message: 'to must be a date or time (ISO 8601)' })
  to?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @Matches(/^\d{1,18}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;
}

export class AuditEntryDto {
  @ApiProperty() id: number;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null for the system or a deleted account' })
  actorEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ example: 'organization.verify' }) action: string;
  @ApiProperty({ example: 'organization' }) targetType: string;
  @ApiProperty() targetId: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ example: '2026-11-21T10:00:00.000Z' }) createdAt: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AuditActionsDto {
  @ApiProperty({ type: [String], example: ['organization.verify'] }) items: string[];
}
