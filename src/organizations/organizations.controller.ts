import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { uuidParam } from '../common/http/params';
import { CurrentUser, Public, Roles, type AuthUser } from '../auth/auth-user';
import { TokenDto } from '../auth/dto/auth.dto';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import {
  AcceptedInvitationDto,
  ChangeRoleDto,
  CreateOrganizationDto,
  InvitationListDto,
  InviteMemberDto,
  MemberDto,
  MyOrganizationListDto,
  OrganizationDetailDto,
  OrganizationDto,
  OrganizationListQueryDto,
  OrganizationPageDto,
  ReasonDto,
  TransferOwnershipDto,
  UpdateOrganizationDto,
} from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('api/v1')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @ApiBearerAuth()
  @Post('organizations')
  @ApiOperation({ summary: 'Create an organisation; you become its owner; it waits for verification by city staff' })
  @ApiCreatedResponse({ type: OrganizationDetailDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrganizationDto): Promise<OrganizationDetailDto> {
    return this.organizations.create(user, dto);
  }

  @Public()
  @Get('organizations')
  @ApiOperation({
    summary: 'Verified organisations (staff may list pending or rejected ones), alphabetical, keyset-paged',
  })
  @ApiOkResponse({ type: OrganizationPageDto })
  list(@Query() query: OrganizationListQueryDto, @CurrentUser() user?: AuthUser): Promise<OrganizationPageDto> {
    return this.organizations.list(query, user);
  }

  @ApiBearerAuth()
  @Get('me/organizations')
  @ApiOperation({ summary: 'The organisations I belong to, with my role' })
  @ApiOkResponse({ type: MyOrganizationListDto })
  mine(@CurrentUser() user: AuthUser): Promise<MyOrganizationListDto> {
    return this.organizations.mine(user);
  }

  @Public()
  @Get('organizations/:id')
  @ApiOperation({
    summary: 'An organisation: public fields for everyone; members and contact details for signed-in users',
  })
  @ApiOkResponse({ type: OrganizationDetailDto })
  get(@Param('id', uuidParam('id')) id: string, @CurrentUser() user?: AuthUser): Promise<OrganizationDetailDto> {
    return this.organizations.get(id, user);
  }

  @ApiBearerAuth()
  @Patch('organizations/:id')
  @ApiOperation({ summary: 'Edit an organisation (owners and editors)' })
  @ApiOkResponse({ type: OrganizationDetailDto })
  update(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateOrganizationDto,
  ): Promise<OrganizationDetailDto> {
    return this.organizations.update(id, user, dto);
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('organizations/:id/verify')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Verify an organisation (city staff); the owners are told' })
  @ApiOkResponse({ type: OrganizationDetailDto })
  verify(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<OrganizationDetailDto> {
    return this.organizations.verify(id, user);
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('organizations/:id/reject')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reject an organisation with a reason (city staff); the owners are told' })
  @ApiOkResponse({ type: OrganizationDetailDto })
  reject(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() { reason, lang }: ReasonDto,
  ): Promise<OrganizationDetailDto> {
    return this.organizations.reject(id, user, reason, lang);
  }

  @ApiBearerAuth()
  @Post('organizations/:id/request-verification')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Ask for verification again after a rejection (owners)' })
  @ApiOkResponse({ type: OrganizationDetailDto })
  requestVerification(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<OrganizationDetailDto> {
    return this.organizations.requestVerification(id, user);
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Get('moderation/organizations')
  @ApiOperation({ summary: 'The verification queue: pending organisations, oldest first (city staff)' })
  @ApiOkResponse({ type: [OrganizationDto] })
  pending(): Promise<OrganizationDto[]> {
    return this.organizations.pending();
  }

  @ApiBearerAuth()
  @Get('organizations/:id/members')
  @ApiOperation({ summary: 'Members of an organisation (signed-in users)' })
  @ApiOkResponse({ type: [MemberDto] })
  members(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<MemberDto[]> {
    return this.organizations.members(id, user);
  }

  @ApiBearerAuth()
  @Patch('organizations/:id/members/:userId')
  @ApiOperation({ summary: "Change a member's role (owners); an organisation always keeps an owner" })
  @ApiOkResponse({ type: [MemberDto] })
  changeRole(
    @Param('id', uuidParam('id')) id: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @CurrentUser() user: AuthUser,
    @Body() { role }: ChangeRoleDto,
  ): Promise<MemberDto[]> {
    return this.organizations.changeRole(id, user, userId, role);
  }

  @ApiBearerAuth()
  @Delete('organizations/:id/members/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a member (owners), or leave (your own id)' })
  @ApiNoContentResponse()
  async removeMember(
    @Param('id', uuidParam('id')) id: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.organizations.removeMember(id, user, userId);
  }

  @ApiBearerAuth()
  @Post('organizations/:id/transfer-ownership')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Hand ownership to another member (you become an editor)' })
  @ApiOkResponse({ type: [MemberDto] })
  transferOwnership(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() { userId }: TransferOwnershipDto,
  ): Promise<MemberDto[]> {
    return this.organizations.transferOwnership(id, user, userId);
  }

  @ApiBearerAuth()
  @Post('organizations/:id/invitations')
  @ApiOperation({ summary: 'Invite someone by e-mail (owners and editors; owners only as owner); valid 7 days' })
  @ApiCreatedResponse({ type: InvitationListDto })
  invite(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: InviteMemberDto,
  ): Promise<InvitationListDto> {
    return this.organizations.invite(id, user, dto);
  }

  @ApiBearerAuth()
  @Get('organizations/:id/invitations')
  @ApiOperation({ summary: 'Open invitations (owners and editors)' })
  @ApiOkResponse({ type: InvitationListDto })
  invitations(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<InvitationListDto> {
    return this.organizations.invitations(id, user);
  }

  @ApiBearerAuth()
  @Delete('organizations/:id/invitations/:invitationId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke an open invitation' })
  async revokeInvitation(
    @Param('id', uuidParam('id')) id: string,
    @Param('invitationId', uuidParam('invitationId')) invitationId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.organizations.revokeInvitation(id, user, invitationId);
  }

  @ApiBearerAuth()
  @Post('invitations/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept an invitation with the token of its link (signed in with the invited address)' })
  @ApiOkResponse({ type: AcceptedInvitationDto })
  accept(@CurrentUser() user: AuthUser, @Body() { token }: TokenDto): Promise<AcceptedInvitationDto> {
    return this.organizations.acceptInvitation(user, token);
  }
}
