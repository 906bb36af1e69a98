import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth-user';
import { today } from '../common/calendar-date';
import { AuditService } from './audit.service';
import { AuditActionsDto, AuditPageDto, AuditQueryDto } from './dto/audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit-log')
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: 'The audit log of staff actions, newest first, with filters and keyset pagination (admins)',
  })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list(query);
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The filtered audit log as CSV, newest first, streamed (admins)' })
  exportCsv(@Query() query: AuditQueryDto): StreamableFile {
    return new StreamableFile(this.audit.exportCsv(query), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="audit-log-${today()}.csv"`,
    });
  }

  @Get('actions')
  @ApiOperation({ summary: 'The actions that occur in the audit log, for its filter (admins)' })
  @ApiOkResponse({ type: AuditActionsDto })
  async actions(): Promise<AuditActionsDto> {
    return { items: await this.audit.actions() };
  }
}
