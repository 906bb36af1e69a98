import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, IsUUID, Length, Validate } from 'class-validator';
import { LANGUAGE_CODES } from '../../common/languages';
import { Optional } from '../../common/http/validation';
import { IsCalendarDateConstraint } from '../../common/validation/is-calendar-date';
import { TASK_KINDS, TASK_STATES, type TaskKind, type TaskState } from '../workspace.constants';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class FileUploadQueryDto {
  @ApiProperty({ example: 'Project plan.pdf', description: 'The file name; its extension must match the content' })
  @Transform(trim)
  @Length(1, 200, { message: 'name must be 1 to 200 characters long, with its extension (plan.pdf)' })
  @IsString({ message: 'name must be text: the file name with its extension' })
  name: string;
}

export class WorkspaceFileDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The type recognised from the content (from the allow-list)' }) contentType: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ type: String, nullable: true }) uploadedByName: string | null;
  @ApiProperty() createdAt: string;
}

export class WorkspaceFileListDto {
  @ApiProperty({ type: [WorkspaceFileDto] }) items: WorkspaceFileDto[];
  @ApiProperty({ description: 'The largest file accepted, in bytes' }) maxBytes: number;
  @ApiProperty({ type: [String], description: 'The extensions accepted' }) extensions: string[];
}

export class CreateTaskDto {
  @ApiPropertyOptional({ enum: TASK_KINDS, default: 'task' })
  @Optional()
  @IsIn(TASK_KINDS, { message: `kind must be one of: ${TASK_KINDS.join(', ')}` })
  kind?: TaskKind;

  @ApiProperty({ example: 'Book the exchange coach', maxLength: 200 })
  @Transform(trim)
  @Length(1, 200, { message: 'title must be 1 to 200 characters long' })
  @IsString({ message: 'title must be text' })
  title: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Who owns it: a member of one of the partnership’s organisations (GET …/people)',
  })
  @Optional({ nullable: true })
  @IsUUID('4', { message: 'ownerId must be the id of a member of the partnership (GET …/people)' })
  ownerId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2027-03-05' })
  @Optional({ nullable: true })
  @Validate(IsCalendarDateConstraint)
  dueDate?: string | null;
}

export class UpdateTaskDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @Transform(trim)
  @Length(1, 200, { message: 'title must be 1 to 200 characters long' })
  @IsString({ message: 'title must be text' })
  title?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null: nobody owns it' })
  @Optional({ nullable: true })
  @IsUUID('4', { message: 'ownerId must be the id of a member of the partnership (GET …/people)' })
  ownerId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2027-03-05' })
  @Optional({ nullable: true })
  @Validate(IsCalendarDateConstraint)
  dueDate?: string | null;

  @ApiPropertyOptional({ enum: TASK_STATES })
  @Optional()
  @IsIn(TASK_STATES, { message: `state must be one of: ${TASK_STATES.join(', ')}` })
  state?: TaskState;
}

export class TaskDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: TASK_KINDS }) kind: TaskKind;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) ownerId: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerName: string | null;
  @ApiProperty({ type: String, nullable: true }) dueDate: string | null;
  @ApiProperty({ enum: TASK_STATES }) state: TaskState;
  @ApiProperty() createdAt: string;
}

export class TaskListDto {
  @ApiProperty({ type: [TaskDto] }) items: TaskDto[];
}

export class WorkspacePersonDto {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
  @ApiProperty() organizationName: string;
}

export class WorkspacePeopleDto {
  @ApiProperty({ type: [WorkspacePersonDto] }) items: WorkspacePersonDto[];
}

export class CreateDiaryEntryDto {
  @ApiProperty({ example: 'Our first video call', maxLength: 200 })
  @Transform(trim)
  @Length(1, 200, { message: 'title must be 1 to 200 characters long' })
  @IsString({ message: 'title must be text' })
  title: string;

  @ApiProperty({ description: 'Plain text', maxLength: 10000 })
  @Transform(trim)
  @Length(1, 10000, { message: 'body must be 1 to 10,000 characters long' })
  @IsString({ message: 'body must be text' })
  body: string;

  @ApiPropertyOptional({
    example: 'pl',
    description: 'The language (ISO 639-1) the entry is written in (the web client sends its interface language)',
  })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' })
  lang?: string;
}

export class DiaryConsentDto {
  @ApiProperty({ description: 'The participating organisation you consent for (you must be its owner or editor)' })
  @IsUUID('4', {
    message: 'organizationId must be the id of a participating organisation you are an owner or editor of',
  })
  organizationId: string;

  @ApiProperty({ description: 'true: show it publicly (once every organisation agrees); false: withdraw, hiding it' })
  @IsBoolean({ message: 'public must be true or false' })
  public: boolean;
}

export class DiaryConsentStateDto {
  @ApiProperty() organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() consented: boolean;
}

export class DiaryEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Plain text' }) body: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The language (ISO 639-1) of title and body; null when not said',
  })
  lang: string | null;
  @ApiProperty({ type: String, nullable: true }) authorName: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'Every participating organisation consents: shown on the public page' }) public: boolean;
  @ApiProperty({ type: [DiaryConsentStateDto], description: 'Members only; empty on the public page' })
  consents: DiaryConsentStateDto[];
}

export class DiaryListDto {
  @ApiProperty({ type: [DiaryEntryDto] }) items: DiaryEntryDto[];
}
