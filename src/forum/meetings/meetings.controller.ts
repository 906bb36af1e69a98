import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '../../common/http/params';
import { CurrentUser, Public, Roles, type AuthUser } from '../../auth/auth-user';
import {
  CreateSlotsDto,
  MeetingDto,
  MeetingInitiativeListDto,
  MeetingListDto,
  MeetingQueryDto,
  RequestMeetingDto,
  SlotListDto,
  WorkTogetherDto,
} from './dto/meeting.dto';
import { MeetingsService } from './meetings.service';
import { ReaderLanguage } from '../../common/i18n/reader-language';
import type { Locale } from '../../users/users.constants';

@ApiTags('forum')
@Controller('api/v1/forum')
export class MeetingsController {
  constructor(private readonly meetingsService: MeetingsService) {}

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
    return this.meetingsService.createSlots(user, id, dto.slots);
  }

  @Public()
  @Get('editions/:id/slots')
  @ApiOkResponse({ type: SlotListDto })
  slots(@Param('id', uuidParam('id')) id: string): Promise<SlotListDto> {
    return this.meetingsService.slots(id);
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
    return this.meetingsService.requestMeeting(user, id, dto);
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
    return this.meetingsService.meetingsOf(user, id, organizationId);
  }

  @ApiBearerAuth()
  @Get('editions/:id/my-meetings.ics')
  @ApiProduces('text/calendar')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @ApiOperation({ summary: "My organisations' accepted meetings as iCalendar" })
  myMeetings(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<string> {
    return this.meetingsService.myMeetingsCalendar(user, id);
  }

  @ApiBearerAuth()
  @Post('meetings/:id/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MeetingDto })
  @ApiOperation({ summary: 'Accept a meeting (the invited organisation); it gets a table; a double booking is a 409' })
  acceptMeeting(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<MeetingDto> {
    return this.meetingsService.acceptMeeting(user, id);
  }

  @ApiBearerAuth()
  @Post('meetings/:id/decline')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MeetingDto })
  declineMeeting(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<MeetingDto> {
    return this.meetingsService.declineMeeting(user, id);
  }

  @ApiBearerAuth()
  @Post('meetings/:id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MeetingDto })
  cancelMeeting(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<MeetingDto> {
    return this.meetingsService.cancelMeeting(user, id);
  }

  @ApiBearerAuth()
  @Get('meetings/:id/initiatives')
  @ApiOperation({
    summary:
      'The initiatives a partnership from this meeting may be made on: your organisation’s, and the other side’s under way',
  })
  @ApiOkResponse({ type: MeetingInitiativeListDto })
  meetingInitiatives(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @ReaderLanguage() language: Locale,
  ): Promise<MeetingInitiativeListDto> {
    return this.meetingsService.initiativesFor(user, id, language);
  }

  @ApiBearerAuth()
  @Post('meetings/:id/work-together')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MeetingDto })
  @ApiOperation({
    summary:
      '"We will work together" (either side, once the meeting has begun): creates or extends the partnership on one of either side’s initiatives, or on a new draft; once per meeting (409)',
  })
  workTogether(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: WorkTogetherDto,
  ): Promise<MeetingDto> {
    return this.meetingsService.workTogether(user, id, dto);
  }
}
