import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { EditionDto } from '../../editions/dto/edition.dto';
import { trim } from '../../shared/dto-fields';

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
