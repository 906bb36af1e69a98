import { BadRequestException, Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '../../common/http/params';
import { CurrentUser, Public, Roles, type AuthUser } from '../../auth/auth-user';
import {
  AcceptSessionDto,
  ForumReasonDto,
  ForumSessionDto,
  ForumSessionListDto,
  ProposeSessionDto,
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
  ): Promise<ForumSessionDto> {
    return this.proposals.propose(user, id, dto);
  }

  @Public()
  @Get('editions/:id/sessions')
  @ApiOperation({ summary: 'Sessions: staff see every proposal; members their own; everyone the published agenda' })
  @ApiOkResponse({ type: ForumSessionListDto })
  @ApiQuery({ name: 'status', required: false, enum: SESSION_STATUSES })
  sessions(
    @Param('id', uuidParam('id')) id: string,
    @Query('status') status?: string,
    @CurrentUser() user?: AuthUser,
  ): Promise<ForumSessionListDto> {
    if (status !== undefined && !(SESSION_STATUSES as readonly string[]).includes(status))
      throw new BadRequestException(`status must be one of: ${SESSION_STATUSES.join(', ')}`);
    return this.proposals.listSessions(id, user, status);
  }

  @Public()
  @Get('editions/:id/sessions/by-code/:code')
  @ApiOperation({
    summary: 'A published session of the edition by its join code (the projector shows it); 404 if none has it',
  })
  @ApiOkResponse({ type: ForumSessionDto })
  sessionByCode(@Param('id', uuidParam('id')) id: string, @Param('code') code: string): Promise<ForumSessionDto> {
    return this.proposals.sessionByCode(id, code);
  }

  @Public()
  @Get('sessions/:id')
  @ApiOkResponse({ type: ForumSessionDto })
  session(@Param('id', uuidParam('id')) id: string, @CurrentUser() user?: AuthUser): Promise<ForumSessionDto> {
    return this.proposals.getSession(id, user);
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
  ): Promise<ForumSessionDto> {
    return this.proposals.accept(user, id, dto);
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
    @Body() { reason }: ForumReasonDto,
  ): Promise<ForumSessionDto> {
    return this.proposals.decline(user, id, reason);
  }
}
