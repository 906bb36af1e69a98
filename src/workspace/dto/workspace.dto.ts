import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID, Length, Validate } from 'class-validator';
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
