import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { uuidParam } from '../common/http/params';
import { ReaderLanguage } from '../common/i18n/reader-language';
import type { Locale } from '../users/users.constants';
import { CurrentUser, Public, type AuthUser } from '../auth/auth-user';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import {
  ConsentDto,
  CreateInterestDto,
  CreateInvitationDto,
  InterestDto,
  InterestListDto,
  InterestListQueryDto,
  InterestReplyDto,
  PartnershipDto,
  PartnershipListDto,
  PartnershipStatsDto,
  UpdatePartnershipDto,
} from './dto/partnership.dto';
import { PartnershipsService } from './partnerships.service';

@ApiTags('partnerships')
@Controller('api/v1')
export class PartnershipsController {
  constructor(private readonly partnerships: PartnershipsService) {}

  @ApiBearerAuth()
  @Post('initiatives/:id/interests')
  @ApiOperation({
    summary: "Express your organisation's interest in a published initiative (one open interest per organisation)",
  })
  @ApiCreatedResponse({ type: InterestDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Your organisation already has an open interest in it' })
  express(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateInterestDto,
    @ReaderLanguage() language: Locale,
  ): Promise<InterestDto> {
    return this.partnerships.express(user, id, dto, language);
  }

  @ApiBearerAuth()
  @Post('initiatives/:id/invitations')
  @ApiOperation({
    summary:
      "Invite an organisation to your organisation's initiative, with a message (the reverse of an interest; one open per organisation and initiative)",
  })
  @ApiCreatedResponse({ type: InterestDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'An invitation to it, or its interest, is already open',
  })
  invite(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateInvitationDto,
    @ReaderLanguage() language: Locale,
  ): Promise<InterestDto> {
    return this.partnerships.invite(user, id, dto, language);
  }

  @ApiBearerAuth()
  @Get('me/interests')
  @ApiOperation({
    summary:
      "My organisations' incoming (interests in their initiatives, invitations to them) or sent interests and invitations",
  })
  @ApiOkResponse({ type: InterestListDto })
  inbox(
    @CurrentUser() user: AuthUser,
    @Query() { direction }: InterestListQueryDto,
    @ReaderLanguage() language: Locale,
  ): Promise<InterestListDto> {
    return this.partnerships.inbox(user, direction, language);
  }

  @ApiBearerAuth()
  @Post('interests/:id/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Accept (owners and editors of the initiative’s organisation): creates or extends the partnership and its private channel',
  })
  @ApiOkResponse({ type: InterestDto })
  accept(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() answer: InterestReplyDto,
    @ReaderLanguage() language: Locale,
  ): Promise<InterestDto> {
    return this.partnerships.accept(user, id, answer, language);
  }

  @ApiBearerAuth()
  @Post('interests/:id/decline')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Decline with a reply' })
  @ApiOkResponse({ type: InterestDto })
  decline(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() answer: InterestReplyDto,
    @ReaderLanguage() language: Locale,
  ): Promise<InterestDto> {
    return this.partnerships.decline(user, id, answer, language);
  }

  @ApiBearerAuth()
  @Post('interests/:id/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw your organisation’s interest' })
  @ApiOkResponse({ type: InterestDto })
  withdraw(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @ReaderLanguage() language: Locale,
  ): Promise<InterestDto> {
    return this.partnerships.withdraw(user, id, language);
  }

  @Public()
  @Get('partnerships/stats')
  @ApiOperation({ summary: 'Active and completed partnerships per partner city' })
  @ApiOkResponse({ type: PartnershipStatsDto })
  stats(): Promise<PartnershipStatsDto> {
    return this.partnerships.stats();
  }

  @ApiBearerAuth()
  @Get('me/partnerships')
  @ApiOperation({ summary: "My organisations' partnerships" })
  @ApiOkResponse({ type: PartnershipListDto })
  mine(@CurrentUser() user: AuthUser, @ReaderLanguage() language: Locale): Promise<PartnershipListDto> {
    return this.partnerships.mine(user, language);
  }

  @Public()
  @Get('partnerships/:id')
  @ApiOperation({
    summary: 'A partnership: public once every participant agrees; with its channelId for their members',
  })
  @ApiOkResponse({ type: PartnershipDto })
  get(
    @Param('id', uuidParam('id')) id: string,
    @ReaderLanguage() language: Locale,
    @CurrentUser() user?: AuthUser,
  ): Promise<PartnershipDto> {
    return this.partnerships.get(id, user, language);
  }

  @ApiBearerAuth()
  @Patch('partnerships/:id')
  @ApiOperation({ summary: 'Complete (with an outcome note) or end a partnership' })
  @ApiOkResponse({ type: PartnershipDto })
  update(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdatePartnershipDto,
    @ReaderLanguage() language: Locale,
  ): Promise<PartnershipDto> {
    return this.partnerships.update(id, user, dto, language);
  }

  @ApiBearerAuth()
  @Post('partnerships/:id/consent')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Agree (or not) to show the partnership publicly, for one participating organisation (owners)',
  })
  @ApiOkResponse({ type: PartnershipDto })
  consent(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: ConsentDto,
    @ReaderLanguage() language: Locale,
  ): Promise<PartnershipDto> {
    return this.partnerships.consent(id, user, dto.organizationId, dto.public, language);
  }

  @ApiBearerAuth()
  @Delete('partnerships/:id/organizations/:organizationId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'Remove an organisation from a partnership (the lead’s owners and editors; or its own owners, to leave): its people lose the channel, its sockets and the workspace at once',
  })
  @ApiNoContentResponse()
  removeOrganization(
    @Param('id', uuidParam('id')) id: string,
    @Param('organizationId', uuidParam('organizationId')) organizationId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.partnerships.removeOrganization(id, organizationId, user);
  }

  @Public()
  @Get('organizations/:id/partnerships')
  @ApiOperation({ summary: "An organisation's partnerships (public ones, and all for its members)" })
  @ApiOkResponse({ type: PartnershipListDto })
  ofOrganization(
    @Param('id', uuidParam('id')) id: string,
    @ReaderLanguage() language: Locale,
    @CurrentUser() user?: AuthUser,
  ): Promise<PartnershipListDto> {
    return this.partnerships.ofOrganization(id, user, language);
  }
}
