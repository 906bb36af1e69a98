import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BadRequestException } from '@nestjs/common';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import {
  MarkReadDto,
  NotificationPageDto,
  NotificationQueryDto,
  PreferencesDto,
  UnreadDto,
} from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() { cursor, limit }: NotificationQueryDto): Promise<NotificationPageDto> {
    return this.notifications.page(user, cursor, limit ?? 20);
  }

  @Post('notifications/read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark some (ids) or all (all: true) of my notifications read' })
  @ApiOkResponse({ type: UnreadDto })
  read(@CurrentUser() user: AuthUser, @Body() dto: MarkReadDto): Promise<UnreadDto> {
    if (!dto.all && !dto.ids?.length)
      throw new BadRequestException({ message: 'give ids, or all: true', fields: { ids: ['give ids, or all: true'] } });
    return this.notifications.markRead(user, dto.all ? 'all' : dto.ids!);
  }

  @Get('me/notification-preferences')
  @ApiOperation({ summary: 'How I am told about each kind of notification' })
  @ApiOkResponse({ type: PreferencesDto })
  preferences(@CurrentUser() user: AuthUser): Promise<PreferencesDto> {
    return this.notifications.preferences(user);
  }

  @Put('me/notification-preferences')
  @ApiOperation({ summary: 'Choose in-app only, e-mail at once, or a daily digest, per kind' })
  @ApiOkResponse({ type: PreferencesDto })
  setPreferences(@CurrentUser() user: AuthUser, @Body() { items }: PreferencesDto): Promise<PreferencesDto> {
    return this.notifications.setPreferences(user, items);
  }
}
