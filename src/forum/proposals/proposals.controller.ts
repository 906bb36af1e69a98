import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '../../common/http/params';
import { ReaderLanguage } from '../../common/i18n/reader-language';
import type { Locale } from '../../users/users.constants';
import { CurrentUser, Public, Roles, type AuthUser } from '../../auth/auth-user';
import {
  AcceptSessionDto,
  ForumReasonDto,
  ForumSessionDto,
  ForumSessionListDto,
  ProposeSessionDto,
  SessionTranslationsInputDto,
} from './dto/session.dto';
import { SESSION_STATUSES } from '../shared/forum.constants';
import { ProposalsService } from './proposals.service';

@ApiTags('forum')
@Controller('api/v1/forum')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @ApiBearerAuth()
  @Post('editions/:id/sessions')
  @ApiOperation({ summary: 'Propose a session while the call is open (editors of verified organisations)' })
  @ApiCreatedResponse({ type: ForumSessionDto })
  propose(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: ProposeSessionDto,
    @ReaderLanguage() language: Locale,
  ): Promise<ForumSessionDto> {
    return this.proposals.propose(user, id, dto, language);
  }

  @Public()
  @Get('editions/:id/sessions')
  @ApiOperation({ summary: 'Sessions: staff see every proposal; members their own; everyone the published agenda' })
  @ApiOkResponse({ type: ForumSessionListDto })
  @ApiQuery({ name: 'status', required: false, enum: SESSION_STATUSES })
  sessions(
    @Param('id', uuidParam('id')) id: string,
    @ReaderLanguage() language: Locale,
    @Query('status') status?: string,
    @CurrentUser() user?: AuthUser,
  ): Promise<ForumSessionListDto> {
    if (status !== undefined && !(SESSION_STATUSES as readonly string[]).includes(status))
      throw new BadRequestException(`status must be one of: ${SESSION_STATUSES.join(', ')}`);
    return this.proposals.listSessions(id, user, status, language);
  }

  @Public()
  @Get('editions/:id/sessions/by-code/:code')
  @ApiOperation({
    summary: 'A published session of the edition by its join code (the projector shows it); 404 if none has it',
  })
  @ApiOkResponse({ type: ForumSessionDto })
  sessionByCode(
    @Param('id', uuidParam('id')) id: string,
    @Param('code') code: string,
    @ReaderLanguage() language: Locale,
  ): Promise<ForumSessionDto> {
    return this.proposals.sessionByCode(id, code, language);
  }

  @Public()
  @Get('sessions/:id')
  @ApiOkResponse({ type: ForumSessionDto })
  session(
    @Param('id', uuidParam('id')) id: string,
    @ReaderLanguage() language: Locale,
    @CurrentUser() user?: AuthUser,
  ): Promise<ForumSessionDto> {
    return this.proposals.getSession(id, user, language);
  }

  @ApiBearerAuth()
  @Put('sessions/:id/translations')
  @ApiOperation({
    summary:
      "The title and abstract in the other language (its proposers and city staff); a version in the session's own language is a 400",
  })
  @ApiOkResponse({ type: ForumSessionDto })
  setTranslations(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() { translations }: SessionTranslationsInputDto,
    @ReaderLanguage() language: Locale,
  ): Promise<ForumSessionDto> {
    return this.proposals.setTranslations(user, id, translations, language);
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('sessions/:id/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Accept a proposal and place it: room, time, capacity (city staff); a room taken at that time is a 409',
  })
  @ApiOkResponse({ type: ForumSessionDto })
  accept(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: AcceptSessionDto,
    @ReaderLanguage() language: Locale,
  ): Promise<ForumSessionDto> {
    return this.proposals.accept(user, id, dto, language);
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('sessions/:id/decline')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Decline a proposal with a reason (city staff)' })
  @ApiOkResponse({ type: ForumSessionDto })
  decline(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() { reason, lang }: ForumReasonDto,
    @ReaderLanguage() language: Locale,
  ): Promise<ForumSessionDto> {
    return this.proposals.decline(user, id, reason, language, lang);
  }
}
