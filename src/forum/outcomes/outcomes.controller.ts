import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { uuidParam } from '../../common/http/params';
import { ReaderLanguage } from '../../common/i18n/reader-language';
import type { Locale } from '../../users/users.constants';
import { CurrentUser, Public, Roles, type AuthUser } from '../../auth/auth-user';
import { MarkOriginDto, OutcomesDto, PublishOutcomesDto } from './dto/outcomes.dto';
import { OutcomesService } from './outcomes.service';

@ApiTags('forum')
@Controller('api/v1/forum')
export class OutcomesController {
  constructor(private readonly outcomesService: OutcomesService) {}

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('editions/:id/origins')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Mark an initiative or a partnership as started at this edition (city staff)' })
  async markOrigin(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: MarkOriginDto,
  ): Promise<void> {
    await this.outcomesService.markOrigin(user, id, dto);
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('editions/:id/outcomes')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Publish the outcomes report of a closed edition (city staff)' })
  @ApiOkResponse({ type: OutcomesDto })
  publishOutcomes(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: PublishOutcomesDto,
    @ReaderLanguage() language: Locale,
  ): Promise<OutcomesDto> {
    return this.outcomesService.publishOutcomes(user, id, dto, language);
  }

  @Public()
  @Get('editions/:id/outcomes')
  @ApiOperation({ summary: 'The outcomes report (open data, JSON)' })
  @ApiOkResponse({ type: OutcomesDto })
  outcomes(
    @Param('id', uuidParam('id')) id: string,
    @ReaderLanguage() language: Locale,
    @CurrentUser() user?: AuthUser,
  ): Promise<OutcomesDto> {
    return this.outcomesService.outcomes(id, language, user);
  }

  @Public()
  @Get('editions/:id/outcomes.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The outcomes report (open data, CSV)' })
  async outcomesCsv(
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ReaderLanguage() language: Locale,
    @CurrentUser() user?: AuthUser,
  ): Promise<string> {
    const report = await this.outcomesService.outcomes(id, language, user);
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="forum-${report.edition.year}-outcomes.csv"`);
    return this.outcomesService.outcomesCsv(report);
  }
}
