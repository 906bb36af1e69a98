import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { calendar } from '../common/icalendar';
import { EDITING_ROLES } from '../organizations/organizations.constants';
import { OrganizationsService } from '../organizations/organizations.service';
import type { Locale } from '../users/users.constants';
import type {
  CreateDiaryEntryDto,
  DiaryEntryDto,
  DiaryListDto,
  CreateTaskDto,
  TaskDto,
  TaskListDto,
  UpdateTaskDto,
  WorkspaceFileDto,
  WorkspaceFileListDto,
  WorkspacePeopleDto,
} from './dto/workspace.dto';
import { ALLOWED_EXTENSIONS, detectFileType, fileTooLarge } from './file-types';
import { FILES_PER_PARTNERSHIP, FILE_TYPES } from './workspace.constants';
import { WorkspaceRepository, type DiaryRow, type TaskRow } from './workspace.repository';

const OWNER_NOT_MEMBER = {
  message: 'ownerId is not a member of any of the partnership’s organisations: choose someone from GET …/people',
  fields: { ownerId: ['choose a member of one of the partnership’s organisations'] },
};

/**
 * A partnership's workspace beside its channel: files and tasks. Every call first checks that the
 * person belongs to one of the partnership's organisations (on each request, so leaving bites at
 * once), then finds the object inside that partnership (an id from another partnership is a 404).
 */
@Injectable()
export class WorkspaceService {
  constructor(
    private readonly workspace: WorkspaceRepository,
    private readonly partnerships: PartnershipsService,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get maxFileBytes(): number {
    return this.config.workspaceFileMaxBytes;
  }

  async files(partnershipId: string, user: AuthUser): Promise<WorkspaceFileListDto> {
    await this.partnerships.requireWorkspaceMember(partnershipId, user);
    return {
      items: (await this.workspace.files(partnershipId)).map((row) => ({
        ...row,
        createdAt: new Date(row.createdAt).toISOString(),
      })),
      maxBytes: this.maxFileBytes,
      extensions: ALLOWED_EXTENSIONS,
    };
  }

  async upload(partnershipId: string, user: AuthUser, name: string, content: Buffer): Promise<WorkspaceFileDto> {
    await this.partnerships.requireWorkspaceMember(partnershipId, user);
    if (content.length === 0)
      throw new BadRequestException({ message: 'The file is empty: choose a file with something in it' });
    if (content.length > this.maxFileBytes) throw fileTooLarge(this.maxFileBytes);
    // Path separators and control characters have no place in a name offered on download.
    const cleanName = name.replace(/[\\/\p{Cc}"]/gu, '_');
    const contentType = detectFileType(content, cleanName);
    if (!contentType)
      throw new BadRequestException({
        message: `This file type is not accepted, or its content does not match its name. Accepted: ${FILE_TYPES.map((t) => t.label).join(', ')}`,
        fields: { name: [`the extension must be one of: ${ALLOWED_EXTENSIONS.join(', ')}, and match the content`] },
      });
    const sha256 = createHash('sha256').update(content).digest('hex');
    const id = await this.workspace.insertFile(
      partnershipId,
      { name: cleanName, contentType, content, sha256 },
      user.id,
      FILES_PER_PARTNERSHIP,
    );
    if (!id)
      throw new ConflictException(
        `The workspace already holds ${FILES_PER_PARTNERSHIP} files: delete one you no longer need first.`,
      );
    const row = (await this.workspace.files(partnershipId)).find((f) => f.id === id)!;
    return { ...row, createdAt: new Date(row.createdAt).toISOString() };
  }

  /** The bytes with the stored type; the controller sends them as an attachment, never inline. */
  async download(
    partnershipId: string,
    fileId: string,
    user: AuthUser,
  ): Promise<{ name: string; contentType: string; content: Buffer }> {
    await this.partnerships.requireWorkspaceMember(partnershipId, user);
    const file = await this.workspace.fileContent(partnershipId, fileId);
    if (!file) throw new NotFoundException('There is no file with this id in this partnership.');
    return file;
  }

  /** Deleting shared work is recorded in the audit log, in the same transaction. */
  async deleteFile(partnershipId: string, fileId: string, user: AuthUser): Promise<void> {
    await this.partnerships.requireWorkspaceMember(partnershipId, user);
    await this.workspace.transaction(async (manager) => {
      const deleted = await this.workspace.deleteFile(partnershipId, fileId, manager);
      if (!deleted) throw new NotFoundException('There is no file with this id in this partnership.');
      await this.audit.record(
        {
          actorId: user.id,
          action: 'partnership_file.delete',
          targetType: 'partnership_file',
          targetId: fileId,
          details: { partnershipId, name: deleted.name },
        },
        manager,
      );
    });
  }

  async people(partnershipId: string, user: AuthUser): Promise<WorkspacePeopleDto> {
    await this.partnerships.requireWorkspaceMember(partnershipId, user);
    return { items: await this.workspace.people(partnershipId) };
  }

  async tasks(partnershipId: string, user: AuthUser): Promise<TaskListDto> {
    await this.partnerships.requireWorkspaceMember(partnershipId, user);
    return { items: (await this.workspace.tasks(partnershipId)).map((row) => this.toTask(row)) };
  }

  async createTask(partnershipId: string, user: AuthUser, dto: CreateTaskDto): Promise<TaskDto> {
    await this.partnerships.requireWorkspaceMember(partnershipId, user);
    const id = await this.workspace.insertTask(
      partnershipId,
      { kind: dto.kind ?? 'task', title: dto.title, ownerId: dto.ownerId ?? null, dueDate: dto.dueDate ?? null },
      user.id,
    );
    if (!id) throw new BadRequestException(OWNER_NOT_MEMBER);
    return this.toTask((await this.workspace.task(partnershipId, id))!);
  }

  async updateTask(partnershipId: string, taskId: string, user: AuthUser, dto: UpdateTaskDto): Promise<TaskDto> {
    await this.partnerships.requireWorkspaceMember(partnershipId, user);
    if (!(await this.workspace.task(partnershipId, taskId)))
      throw new NotFoundException('There is no task with this id in this partnership.');
    if (!(await this.workspace.updateTask(partnershipId, taskId, dto))) {
      // Gone meanwhile (a 404), or the new owner is not a member (the statement's check).
      if (!(await this.workspace.task(partnershipId, taskId)))
        throw new NotFoundException('There is no task with this id in this partnership.');
      throw new BadRequestException(OWNER_NOT_MEMBER);
    }
    return this.toTask((await this.workspace.task(partnershipId, taskId))!);
  }

  async deleteTask(partnershipId: string, taskId: string, user: AuthUser): Promise<void> {
    await this.partnerships.requireWorkspaceMember(partnershipId, user);
    if (!(await this.workspace.deleteTask(partnershipId, taskId)))
      throw new NotFoundException('There is no task with this id in this partnership.');
  }

  async diary(partnershipId: string, user: AuthUser): Promise<DiaryListDto> {
    await this.partnerships.requireWorkspaceMember(partnershipId, user);
    return { items: (await this.workspace.diary(partnershipId)).map((row) => this.toEntry(row)) };
  }

  /** The entries every participating organisation agreed to show, for whoever may see the partnership. */
  async publicDiary(partnershipId: string, user?: AuthUser): Promise<DiaryListDto> {
    await this.partnerships.get(partnershipId, user); // a 404 unless the partnership is visible to them
    return {
      items: (await this.workspace.diary(partnershipId, true)).map((row) => ({ ...this.toEntry(row), consents: [] })),
    };
  }

  async createDiaryEntry(partnershipId: string, user: AuthUser, dto: CreateDiaryEntryDto): Promise<DiaryEntryDto> {
    await this.partnerships.requireWorkspaceMember(partnershipId, user);
    const id = await this.workspace.insertDiaryEntry(
      partnershipId,
      { title: dto.title, body: dto.body, lang: dto.lang ?? null },
      user.id,
    );
    return this.toEntry((await this.workspace.diary(partnershipId, false, id))[0]);
  }

  /**
   * One organisation's consent to publish an entry, given or withdrawn by its owner or editor, with
   * an audit row in the same transaction (publishing is the partners' joint decision).
   */
  async consentToEntry(
    partnershipId: string,
    entryId: string,
    user: AuthUser,
    organizationId: string,
    consent: boolean,
  ): Promise<DiaryEntryDto> {
    await this.partnerships.requireWorkspaceMember(partnershipId, user);
    const [entry] = await this.workspace.diary(partnershipId, false, entryId);
    if (!entry) throw new NotFoundException('There is no diary entry with this id in this partnership.');
    const role = (await this.organizations.membership(organizationId, user.id))?.role;
    if (!entry.consents.some((c) => c.organizationId === organizationId) || !role || !EDITING_ROLES.includes(role))
      throw new ForbiddenException({
        message: 'organizationId must be a participating organisation you are an owner or editor of',
        fields: { organizationId: ['choose a participating organisation you are an owner or editor of'] },
      });
    await this.workspace.transaction(async (manager) => {
      if (await this.workspace.setDiaryConsent(entryId, organizationId, consent, user.id, manager))
        await this.audit.record(
          {
            actorId: user.id,
            action: consent ? 'diary_entry.consent' : 'diary_entry.withdraw_consent',
            targetType: 'diary_entry',
            targetId: entryId,
            details: { partnershipId, organizationId },
          },
          manager,
        );
    });
    return this.toEntry((await this.workspace.diary(partnershipId, false, entryId))[0]);
  }

  /** The partnership's dated tasks and milestones as iCalendar all-day events, in the reader's language. */
  async calendar(partnershipId: string, user: AuthUser, language: Locale): Promise<string> {
    await this.partnerships.requireWorkspaceMember(partnershipId, user);
    const partnership = await this.partnerships.get(partnershipId, user, language);
    const kinds = {
      task: { pl: 'Zadanie', en: 'Task' },
      milestone: { pl: 'Kamień milowy', en: 'Milestone' },
    };
    const done = { pl: ' (zrobione)', en: ' (done)' };
    return calendar(
      partnership.initiativeTitle,
      (await this.workspace.datedTasks(partnershipId)).map((task) => ({
        uid: `partnership-task-${task.id}@cooperation-forum`,
        date: task.dueDate!,
        summary: `${kinds[task.kind][language]}: ${task.title}${task.state === 'done' ? done[language] : ''}`,
        description: [task.ownerName, `${this.config.publicUrl}/partnerships/${partnershipId}`]
          .filter(Boolean)
          .join('\n'),
      })),
    );
  }

  private toEntry(row: DiaryRow): DiaryEntryDto {
    return {
      ...row,
      createdAt: new Date(row.createdAt).toISOString(),
      public: row.consents.every((c) => c.consented),
      consents: row.consents,
    };
  }

  private toTask(row: TaskRow): TaskDto {
    return { ...row, createdAt: new Date(row.createdAt).toISOString() };
  }
}
