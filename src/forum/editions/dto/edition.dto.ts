import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, Length, Max, Min, Validate } from 'class-validator';
import { Optional } from '../../../common/http/validation';
import { LANGUAGE_CODES } from '../../../common/languages';
import { IsCalendarDateConstraint } from '../../../common/validation/is-calendar-date';
import { EDITION_STATUSES, type EditionStatus } from '../../shared/forum.constants';
import { trim } from '../../shared/dto-fields';

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
  @Optional()
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
