import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Public, type AuthUser } from '../auth/auth-user';
import { ReaderLanguage } from '../common/i18n/reader-language';
import type { Locale } from '../users/users.constants';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { uuidParam } from '../common/http/params';
import {
  CreateDiaryEntryDto,
  DiaryConsentDto,
  DiaryEntryDto,
  DiaryListDto,
  CreateTaskDto,
  FileUploadQueryDto,
  TaskDto,
  TaskListDto,
  UpdateTaskDto,
  WorkspaceFileDto,
  WorkspaceFileListDto,
  WorkspacePeopleDto,
} from './dto/workspace.dto';
import { WorkspaceService } from './workspace.service';

/** A partnership's workspace (members of its organisations only): files, tasks and milestones. */
@ApiTags('partnership workspace')
@Controller('api/v1/partnerships/:id')
export class WorkspaceController {
  // Every route but the public diary needs a session (the global guard); the OpenAPI says so per route.
  constructor(private readonly workspace: WorkspaceService) {}

  @ApiBearerAuth()
  @Get('files')
  @ApiOperation({ summary: 'The files shared in the partnership, with the size and type limits' })
  @ApiOkResponse({ type: WorkspaceFileListDto })
  files(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<WorkspaceFileListDto> {
    return this.workspace.files(id, user);
  }

  @ApiBearerAuth()
  @Post('files')
  @ApiOperation({
    summary:
      'Share a file: its bytes as the body (application/octet-stream), its name in ?name=. The type is recognised from the content and must be on the allow-list',
  })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: WorkspaceFileDto })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'Larger than WORKSPACE_FILE_MAX_MB' })
  upload(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Query() { name }: FileUploadQueryDto,
    @Body() content: unknown,
  ): Promise<WorkspaceFileDto> {
    // A JSON body parses to an object, not bytes: the upload takes the file itself.
    return this.workspace.upload(id, user, name, Buffer.isBuffer(content) ? content : Buffer.alloc(0));
  }

  @ApiBearerAuth()
  @Get('files/:fileId')
  @ApiOperation({ summary: 'Download a file: always as an attachment, with the stored type, never sniffed' })
  @ApiProduces('application/octet-stream')
  // A file must never run as a page of this site, even if a browser opened it: no sniffing, a
  // sandbox with nothing allowed, and not kept in shared caches.
  @Header('x-content-type-options', 'nosniff')
  @Header('content-security-policy', "sandbox; default-src 'none'")
  @Header('cache-control', 'private, no-store')
  async download(
    @Param('id', uuidParam('id')) id: string,
    @Param('fileId', uuidParam('fileId')) fileId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<StreamableFile> {
    const file = await this.workspace.download(id, fileId, user);
    const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return new StreamableFile(file.content, {
      type: file.contentType,
      length: file.content.length,
      disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  }

  @ApiBearerAuth()
  @Delete('files/:fileId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a shared file (recorded in the audit log)' })
  @ApiNoContentResponse()
  deleteFile(
    @Param('id', uuidParam('id')) id: string,
    @Param('fileId', uuidParam('fileId')) fileId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.workspace.deleteFile(id, fileId, user);
  }

  @ApiBearerAuth()
  @Get('people')
  @ApiOperation({ summary: 'The members of the partnership’s organisations: who may own a task' })
  @ApiOkResponse({ type: WorkspacePeopleDto })
  people(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<WorkspacePeopleDto> {
    return this.workspace.people(id, user);
  }

  @ApiBearerAuth()
  @Get('tasks')
  @ApiOperation({ summary: 'Tasks and milestones: open first, by due date' })
  @ApiOkResponse({ type: TaskListDto })
  tasks(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<TaskListDto> {
    return this.workspace.tasks(id, user);
  }

  @ApiBearerAuth()
  @Post('tasks')
  @ApiOperation({ summary: 'Add a task or milestone; its owner must be a member of the partnership' })
  @ApiCreatedResponse({ type: TaskDto })
  createTask(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateTaskDto,
  ): Promise<TaskDto> {
    return this.workspace.createTask(id, user, dto);
  }

  @ApiBearerAuth()
  @Patch('tasks/:taskId')
  @ApiOperation({ summary: 'Change a task: title, owner, due date, open or done' })
  @ApiOkResponse({ type: TaskDto })
  updateTask(
    @Param('id', uuidParam('id')) id: string,
    @Param('taskId', uuidParam('taskId')) taskId: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateTaskDto,
  ): Promise<TaskDto> {
    return this.workspace.updateTask(id, taskId, user, dto);
  }

  @ApiBearerAuth()
  @Delete('tasks/:taskId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a task or milestone' })
  @ApiNoContentResponse()
  deleteTask(
    @Param('id', uuidParam('id')) id: string,
    @Param('taskId', uuidParam('taskId')) taskId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.workspace.deleteTask(id, taskId, user);
  }

  @ApiBearerAuth()
  @Get('diary')
  @ApiOperation({ summary: 'The project diary, newest first, with each organisation’s consent to publish' })
  @ApiOkResponse({ type: DiaryListDto })
  diary(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<DiaryListDto> {
    return this.workspace.diary(id, user);
  }

  @Public()
  @Get('diary/public')
  @ApiOperation({
    summary:
      'The diary entries every participating organisation agreed to publish (for whoever may see the partnership)',
  })
  @ApiOkResponse({ type: DiaryListDto })
  publicDiary(@Param('id', uuidParam('id')) id: string, @CurrentUser() user?: AuthUser): Promise<DiaryListDto> {
    return this.workspace.publicDiary(id, user);
  }

  @ApiBearerAuth()
  @Post('diary')
  @ApiOperation({ summary: 'Write a diary entry (private until every organisation consents)' })
  @ApiCreatedResponse({ type: DiaryEntryDto })
  createDiaryEntry(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateDiaryEntryDto,
  ): Promise<DiaryEntryDto> {
    return this.workspace.createDiaryEntry(id, user, dto);
  }

  @ApiBearerAuth()
  @Post('diary/:entryId/consent')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Consent (or withdraw consent) for one participating organisation to publish an entry (owners and editors)',
  })
  @ApiOkResponse({ type: DiaryEntryDto })
  consent(
    @Param('id', uuidParam('id')) id: string,
    @Param('entryId', uuidParam('entryId')) entryId: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: DiaryConsentDto,
  ): Promise<DiaryEntryDto> {
    return this.workspace.consentToEntry(id, entryId, user, dto.organizationId, dto.public);
  }

  @ApiBearerAuth()
  @Get('calendar.ics')
  @ApiOperation({
    summary:
      'The partnership’s dated tasks and milestones as iCalendar (an authenticated download: no secret in a URL)',
  })
  @ApiProduces('text/calendar')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="partnership.ics"')
  @Header('cache-control', 'private, no-store')
  calendar(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @ReaderLanguage() language: Locale,
  ): Promise<string> {
    return this.workspace.calendar(id, user, language);
  }
}
