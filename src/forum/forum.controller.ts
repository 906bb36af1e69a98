import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { intParam, uuidParam } from '../common/http/params';
import { CurrentUser, Public, Roles, type AuthUser } from '../auth/auth-user';
import {
  AcceptSessionDto,
  AgendaDto,
  AgendaQueryDto,
  CreateEditionDto,
  CreateSlotsDto,
  EditionDto,
  EditionListDto,
  MarkOriginDto,
  MeetingDto,
  MeetingListDto,
  MeetingQueryDto,
  OutcomesDto,
  ProposeSessionDto,
  PublishOutcomesDto,
  QuestionActionDto,
  QuestionDto,
  QuestionListDto,
  ForumReasonDto,
  RegistrationDto,
  RequestMeetingDto,
  ForumSessionDto,
  ForumSessionListDto,
  SlotListDto,
} from './dto/forum.dto';
import { ForumService } from './forum.service';

@ApiTags('forum')
@Controller('api/v1/forum')
export class ForumController {
  constructor(private readonly forum: ForumService) {}

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('editions')
  @ApiOperation({ summary: 'Create an edition (city staff)' })
  @ApiCreatedResponse({ type: EditionDto })
  createEdition(@CurrentUser() user: AuthUser, @Body() dto: CreateEditionDto): Promise<EditionDto> {
    return this.forum.createEdition(user, dto);
  }

  @Public()
  @Get('editions')
  @ApiOperation({ summary: 'The editions, newest first' })
  @ApiOkResponse({ type: EditionListDto })
  editions(): Promise<EditionListDto> {
    return this.forum.listEditions();
  }

  @Public()
  @Get('editions/:id')
  @ApiOkResponse({ type: EditionDto })
  edition(@Param('id', uuidParam('id')) id: string): Promise<EditionDto> {
    return this.forum.getEdition(id);
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('editions/:id/advance')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Move the edition on: planning, call for proposals open, agenda published, live, closed (city staff)',
  })
  @ApiOkResponse({ type: EditionDto })
  advance(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<EditionDto> {
    return this.forum.advance(user, id);
  }

  @ApiBearerAuth()
  @Post('editions/:id/sessions')
  @ApiOperation({ summary: 'Propose a session while the call is open (editors of verified organisations)' })
  @ApiCreatedResponse({ type: ForumSessionDto })
  propose(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: ProposeSessionDto,
  ): Promise<ForumSessionDto> {
    return this.forum.propose(user, id, dto);
  }

  @Public()
  @Get('editions/:id/sessions')
  @ApiOperation({ summary: 'Sessions: staff see every proposal; members their own; everyone the published agenda' })
  @ApiOkResponse({ type: ForumSessionListDto })
  @ApiQuery({ name: 'status', required: false, enum: ['proposed', 'accepted', 'declined'] })
  sessions(
    @Param('id', uuidParam('id')) id: string,
    @Query('status') status?: string,
    @CurrentUser() user?: AuthUser,
  ): Promise<ForumSessionListDto> {
    if (status !== undefined && !['proposed', 'accepted', 'declined'].includes(status))
      throw new BadRequestException('status must be one of: proposed, accepted, declined');
    return this.forum.listSessions(id, user, status);
  }

  @Public()
  @Get('editions/:id/agenda')
  @ApiOperation({ summary: 'The public agenda by day and room, filterable by area and language' })
  @ApiOkResponse({ type: AgendaDto })
  agenda(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: AgendaQueryDto,
    @CurrentUser() user?: AuthUser,
  ): Promise<AgendaDto> {
    return this.forum.agenda(id, user, query);
  }

  @Public()
  @Get('editions/:id/agenda.ics')
  @ApiProduces('text/calendar')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @ApiOperation({ summary: 'The agenda as iCalendar' })
  agendaCalendar(@Param('id', uuidParam('id')) id: string, @CurrentUser() user?: AuthUser): Promise<string> {
    return this.forum.agendaCalendar(id, user);
  }

  @ApiBearerAuth()
  @Post('editions/:id/register')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Register for the edition' })
  @ApiOkResponse({ type: RegistrationDto })
  registerForEdition(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<RegistrationDto> {
    return this.forum.registerForEdition(user, id);
  }

  @ApiBearerAuth()
  @Get('editions/:id/me')
  @ApiOperation({ summary: 'My forum: registrations and my organisations’ meetings' })
  myForum(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser) {
    return this.forum.myForum(user, id);
  }

  @Public()
  @Get('sessions/:id')
  @ApiOkResponse({ type: ForumSessionDto })
  session(@Param('id', uuidParam('id')) id: string, @CurrentUser() user?: AuthUser): Promise<ForumSessionDto> {
    return this.forum.getSession(id, user);
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
    return this.forum.accept(user, id, dto);
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
    return this.forum.decline(user, id, reason);
  }

  @ApiBearerAuth()
  @Post('sessions/:id/register')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Register for a session: confirmed while places remain, then the waiting list in order' })
  @ApiOkResponse({ type: RegistrationDto })
  register(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<RegistrationDto> {
    return this.forum.registerForSession(user, id);
  }

  @ApiBearerAuth()
  @Delete('sessions/:id/register')
  @ApiOperation({ summary: 'Cancel; the first on the waiting list gets the place and is told' })
  @ApiOkResponse({ type: RegistrationDto })
  cancel(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<RegistrationDto> {
    return this.forum.cancelSessionRegistration(user, id);
  }

  @ApiBearerAuth()
  @Get('sessions/:id/questions')
  @ApiOperation({ summary: 'The Q&A: pinned first, then by votes (staff also see questions waiting for approval)' })
  @ApiOkResponse({ type: QuestionListDto })
  async questions(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<QuestionListDto> {
    return { items: await this.forum.questions(id, user) };
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('questions/:id/moderate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve, pin, unpin, mark answered or hide (with a reason) a question (city staff)' })
  @ApiOkResponse({ type: QuestionDto })
  moderate(
    @Param('id', intParam('id')) id: number,
    @CurrentUser() user: AuthUser,
    @Body() dto: QuestionActionDto,
  ): Promise<QuestionDto> {
    return this.forum.moderateQuestion(user, id, dto.action, dto.reason);
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('editions/:id/slots')
  @ApiOperation({ summary: 'Define meeting slots (city staff); slots of an edition never overlap' })
  @ApiCreatedResponse({ type: SlotListDto })
  createSlots(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateSlotsDto,
  ): Promise<SlotListDto> {
    return this.forum.createSlots(user, id, dto.slots);
  }

  @Public()
  @Get('editions/:id/slots')
  @ApiOkResponse({ type: SlotListDto })
  slots(@Param('id', uuidParam('id')) id: string): Promise<SlotListDto> {
    return this.forum.slots(id);
  }

  @ApiBearerAuth()
  @Post('editions/:id/meetings')
  @ApiOperation({ summary: 'Request a 1:1 meeting with another organisation in a slot' })
  @ApiCreatedResponse({ type: MeetingDto })
  requestMeeting(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: RequestMeetingDto,
  ): Promise<MeetingDto> {
    return this.forum.requestMeeting(user, id, dto);
  }

  @ApiBearerAuth()
  @Get('editions/:id/meetings')
  @ApiOperation({ summary: "An organisation's meeting schedule (its members and staff)" })
  @ApiOkResponse({ type: MeetingListDto })
  meetings(
    @Param('id', uuidParam('id')) id: string,
    @Query() { organizationId }: MeetingQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MeetingListDto> {
    return this.forum.meetingsOf(user, id, organizationId);
  }

  @ApiBearerAuth()
  @Get('editions/:id/my-meetings.ics')
  @ApiProduces('text/calendar')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @ApiOperation({ summary: "My organisations' accepted meetings as iCalendar" })
  myMeetings(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<string> {
    return this.forum.myMeetingsCalendar(user, id);
  }

  @ApiBearerAuth()
  @Post('meetings/:id/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MeetingDto })
  @ApiOperation({ summary: 'Accept a meeting (the invited organisation); it gets a table; a double booking is a 409' })
  acceptMeeting(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<MeetingDto> {
    return this.forum.acceptMeeting(user, id);
  }

  @ApiBearerAuth()
  @Post('meetings/:id/decline')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MeetingDto })
  declineMeeting(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<MeetingDto> {
    return this.forum.declineMeeting(user, id);
  }

  @ApiBearerAuth()
  @Post('meetings/:id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MeetingDto })
  cancelMeeting(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<MeetingDto> {
    return this.forum.cancelMeeting(user, id);
  }

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
    await this.forum.markOrigin(user, id, dto);
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
    @Body() { summary }: PublishOutcomesDto,
  ): Promise<OutcomesDto> {
    return this.forum.publishOutcomes(user, id, summary);
  }

  @Public()
  @Get('editions/:id/outcomes')
  @ApiOperation({ summary: 'The outcomes report (open data, JSON)' })
  @ApiOkResponse({ type: OutcomesDto })
  outcomes(@Param('id', uuidParam('id')) id: string, @CurrentUser() user?: AuthUser): Promise<OutcomesDto> {
    return this.forum.outcomes(id, user);
  }

  @Public()
  @Get('editions/:id/outcomes.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The outcomes report (open data, CSV)' })
  async outcomesCsv(
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user?: AuthUser,
  ): Promise<string> {
    const report = await this.forum.outcomes(id, user);
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="forum-${report.edition.year}-outcomes.csv"`);
    return this.forum.outcomesCsv(report);
  }
}
