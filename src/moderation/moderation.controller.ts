import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth-user';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import {
  CreateReportDto,
  ModerationReasonDto,
  ModerationResultDto,
  ModerationTargetParamsDto,
  QueueDto,
  ReportCreatedDto,
} from './dto/moderation.dto';
import { ModerationService } from './moderation.service';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('api/v1')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Post('reports')
  @ApiOperation({
    summary:
      'Report an initiative or an organisation (once per item); enough reports hide it until a moderator decides',
  })
  @ApiCreatedResponse({ type: ReportCreatedDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already reported by you' })
  report(@CurrentUser() user: AuthUser, @Body() dto: CreateReportDto): Promise<ReportCreatedDto> {
    return this.moderation.report(user, dto);
  }

  @Get('moderation/queue')
  @Roles('moderator', 'admin')
  @ApiOperation({
    summary: 'The moderation queue: submitted initiatives, pending organisations and reported items, oldest first',
  })
  @ApiOkResponse({ type: QueueDto })
  queue(): Promise<QueueDto> {
    return this.moderation.queue();
  }

  @Post('moderation/:targetType/:targetId/hide')
  @Roles('moderator', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Hide an item, with a reason (closes its reports)' })
  @ApiOkResponse({ type: ModerationResultDto })
  hide(
    @CurrentUser() user: AuthUser,
    @Param() { targetType, targetId }: ModerationTargetParamsDto,
    @Body() { reason }: ModerationReasonDto,
  ): Promise<ModerationResultDto> {
    return this.moderation.hide(user, targetType, targetId, reason);
  }

  @Post('moderation/:targetType/:targetId/restore')
  @Roles('moderator', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Show a hidden item again, with a reason (closes its reports)' })
  @ApiOkResponse({ type: ModerationResultDto })
  restore(
    @CurrentUser() user: AuthUser,
    @Param() { targetType, targetId }: ModerationTargetParamsDto,
    @Body() { reason }: ModerationReasonDto,
  ): Promise<ModerationResultDto> {
    return this.moderation.restore(user, targetType, targetId, reason);
  }
}
