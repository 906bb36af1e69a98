import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { Optional } from '../../../common/http/validation';
import { LANGUAGE_CODES } from '../../../common/languages';
import { EditionDto } from '../../editions/dto/edition.dto';
import { ForumSessionDto } from '../../proposals/dto/session.dto';
import { KEY } from '../../shared/dto-fields';

export class AgendaQueryDto {
  @ApiPropertyOptional() @Optional() @Matches(KEY, { message: 'area must be an area key' }) area?: string;
  @ApiPropertyOptional()
  @Optional()
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
