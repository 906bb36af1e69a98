import { Controller, Delete, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Public, type AuthUser } from '../auth/auth-user';
import { RequiresGrant } from '../staff-roles/staff-grant.guard';
import { DeadlinesService } from './deadlines.service';
import {
  CalendarFeedDto,
  CalendarFeedParamDto,
  CreatedCalendarFeedDto,
  DeadlineListDto,
  DeadlinesQueryDto,
} from './dto/deadlines.dto';

/** The deadlines are the registry editors' work: they decide on the agreements (and are reminded of them). */
@ApiTags('deadlines')
@Controller('api/v1/deadlines')
@RequiresGrant('registry_editor')
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get()
  @ApiOperation({
    summary: "Every notice deadline, renewal and expiry of the partner cities' documents in a window, soonest first",
  })
  @ApiOkResponse({ type: DeadlineListDto })
  list(@Query() { months, on }: DeadlinesQueryDto): Promise<DeadlineListDto> {
    return this.deadlines.list(months, on);
  }

  @Get('feed')
  @ApiOperation({ summary: 'Whether you have a calendar feed of the deadlines' })
  @ApiOkResponse({ type: CalendarFeedDto })
  feed(@CurrentUser() user: AuthUser): Promise<CalendarFeedDto> {
    return this.deadlines.feedOf(user.id);
  }

  @Post('feed')
  @ApiOperation({
    summary: 'Create your calendar feed: its secret address is shown once (409 if you have one: revoke it first)',
  })
  @ApiCreatedResponse({ type: CreatedCalendarFeedDto })
  createFeed(@CurrentUser() user: AuthUser): Promise<CreatedCalendarFeedDto> {
    return this.deadlines.createFeed(user.id);
  }

  @Delete('feed')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke your calendar feed: its address answers 404 from now on' })
  @ApiNoContentResponse()
  revokeFeed(@CurrentUser() user: AuthUser): Promise<void> {
    return this.deadlines.revokeFeed(user.id);
  }
}

/**
 * The calendar feed itself, for calendar apps, which cannot sign in: the secret in its address
 * opens this one calendar (read only) and nothing else, so it is not an access token.
 */
@ApiTags('deadlines')
@Controller('api/v1/calendar-feeds')
export class CalendarFeedsController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get(':secret')
  @Public()
  @ApiOperation({ summary: "A staff member's deadlines as iCalendar (the address from POST /api/v1/deadlines/feed)" })
  @ApiProduces('text/calendar')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  @Header('referrer-policy', 'no-referrer')
  feed(@Param() { secret }: CalendarFeedParamDto): Promise<string> {
    return this.deadlines.feed(secret);
  }
}
