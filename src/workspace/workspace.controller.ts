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
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { uuidParam } from '../common/http/params';
import {
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
@ApiBearerAuth()
@Controller('api/v1/partnerships/:id')
export class WorkspaceController {
  constructor(private readonly workspace: WorkspaceService) {}

  @Get('files')
  @ApiOperation({ summary: 'The files shared in the partnership, with the size and type limits' })
  @ApiOkResponse({ type: WorkspaceFileListDto })
  files(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<WorkspaceFileListDto> {
    return this.workspace.files(id, user);
  }

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

  @Get('people')
  @ApiOperation({ summary: 'The members of the partnership’s organisations: who may own a task' })
  @ApiOkResponse({ type: WorkspacePeopleDto })
  people(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<WorkspacePeopleDto> {
    return this.workspace.people(id, user);
  }

  @Get('tasks')
  @ApiOperation({ summary: 'Tasks and milestones: open first, by due date' })
  @ApiOkResponse({ type: TaskListDto })
  tasks(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<TaskListDto> {
    return this.workspace.tasks(id, user);
  }

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
}
