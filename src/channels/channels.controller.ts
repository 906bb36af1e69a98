import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Patch,
  Post,
  Query,
  HttpCode,
  HttpStatus,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { intParam } from '../common/http/params';
import { CurrentUser, Public, Roles, type AuthUser } from '../auth/auth-user';
import { ReaderLanguage } from '../common/i18n/reader-language';
import type { Locale } from '../users/users.constants';
import { ChannelsService } from './channels.service';
import {
  ChannelDto,
  EditMessageDto,
  HideMessageDto,
  HistoryQueryDto,
  MessageDto,
  MessagePageDto,
  SendMessageDto,
} from './dto/channel.dto';

@ApiTags('channels')
@Controller('api/v1')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Public()
  @Get('channels/:id')
  @ApiOperation({ summary: 'A channel (public discussions for everyone; private ones for their members)' })
  @ApiOkResponse({ type: ChannelDto })
  get(
    @Param('id', intParam('id')) channelId: number,
    @ReaderLanguage() language: Locale,
    @CurrentUser() user?: AuthUser,
  ): Promise<ChannelDto> {
    return this.channels.describe(channelId, user, language);
  }

  @Public()
  @Get('channels/:id/messages')
  @ApiOperation({ summary: 'History in id order: after an id (catch-up), before one (scrolling back), or the newest' })
  @ApiOkResponse({ type: MessagePageDto })
  history(
    @Param('id', intParam('id')) channelId: number,
    @Query() query: HistoryQueryDto,
    @CurrentUser() user?: AuthUser,
  ): Promise<MessagePageDto> {
    if (query.after !== undefined && query.before !== undefined)
      throw new BadRequestException({
        message: 'give after or before, not both',
        fields: { after: ['give after or before, not both'] },
      });
    return this.channels.history(channelId, query, user);
  }

  @ApiBearerAuth()
  @Post('channels/:id/messages')
  @ApiOperation({
    summary:
      'Post a message (as message:send does): stored, then broadcast; a retry with the same clientId returns the stored one',
  })
  @ApiCreatedResponse({ type: MessageDto })
  send(
    @Param('id', intParam('id')) channelId: number,
    @CurrentUser() user: AuthUser,
    @Body() dto: SendMessageDto,
  ): Promise<MessageDto> {
    return this.channels.send(user, channelId, dto.body, dto.clientId, dto.lang ?? null);
  }

  @ApiBearerAuth()
  @Patch('channels/:id/messages/:messageId')
  @ApiOperation({ summary: 'Edit my message (within 15 minutes)' })
  @ApiOkResponse({ type: MessageDto })
  edit(
    @Param('id', intParam('id')) channelId: number,
    @Param('messageId', intParam('messageId', 'bigint')) messageId: number,
    @CurrentUser() user: AuthUser,
    @Body() { body }: EditMessageDto,
  ): Promise<MessageDto> {
    return this.channels.edit(user, channelId, messageId, body);
  }

  @ApiBearerAuth()
  @Delete('channels/:id/messages/:messageId')
  @ApiOperation({ summary: 'Delete my message (within 15 minutes)' })
  @ApiOkResponse({ type: MessageDto })
  remove(
    @Param('id', intParam('id')) channelId: number,
    @Param('messageId', intParam('messageId', 'bigint')) messageId: number,
    @CurrentUser() user: AuthUser,
  ): Promise<MessageDto> {
    return this.channels.remove(user, channelId, messageId);
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('moderation/messages/:messageId/hide')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Hide a message with a reason (city staff); every client sees it go' })
  @ApiOkResponse({ type: MessageDto })
  hide(
    @Param('messageId', intParam('messageId', 'bigint')) messageId: number,
    @CurrentUser() user: AuthUser,
    @Body() { reason, lang }: HideMessageDto,
  ): Promise<MessageDto> {
    return this.channels.hide(user, messageId, reason, lang ?? null);
  }
}
