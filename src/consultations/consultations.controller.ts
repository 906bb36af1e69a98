import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentUser, Public, type AuthUser } from '../auth/auth-user';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { RequiresGrant } from '../staff-roles/staff-grant.guard';
import { ConsultationsService } from './consultations.service';
import {
  CommentDto,
  CommentIdParamDto,
  ConsultationDto,
  ConsultationIdParamDto,
  ConsultationListDto,
  CreateCommentDto,
  CreateConsultationDto,
  CreateResponseDto,
  FinalReportDto,
  ResponseDto,
  SupportResultDto,
  UpdateConsultationDto,
} from './dto/consultation.dto';

@ApiTags('consultations')
@Controller('api/v1')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Public()
  @Get('consultations')
  @ApiOperation({ summary: 'Published consultations: open, upcoming and closed' })
  @ApiOkResponse({ type: ConsultationListDto })
  list(): Promise<ConsultationListDto> {
    return this.consultations.list();
  }

  @Get('consultations/all')
  @RequiresGrant('registry_editor')
  @ApiOperation({ summary: 'Every consultation, drafts first (registry editors)' })
  @ApiOkResponse({ type: ConsultationListDto })
  listAll(): Promise<ConsultationListDto> {
    return this.consultations.listAll();
  }

  @Public()
  @Get('consultations/:id')
  @ApiOperation({
    summary:
      'A consultation: its sections with their visible comments and supports, the responses and the final report',
  })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentUser() user: AuthUser | undefined, @Param() { id }: ConsultationIdParamDto): Promise<ConsultationDto> {
    return this.consultations.get(id, user);
  }

  @Post('consultations')
  @RequiresGrant('registry_editor')
  @ApiOperation({ summary: 'Create a consultation as a draft (registry editors; audited)' })
  @ApiCreatedResponse({ type: ConsultationDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateConsultationDto): Promise<ConsultationDto> {
    return this.consultations.create(user, dto);
  }

  @Patch('consultations/:id')
  @RequiresGrant('registry_editor')
  @ApiOperation({
    summary:
      'Change its texts; while a draft, its sections; until it opens, its period; while open, a later end (registry editors; audited)',
  })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'Public: sections fixed; open: start fixed and end only later; closed: period fixed',
  })
  update(
    @CurrentUser() user: AuthUser,
    @Param() { id }: ConsultationIdParamDto,
    @Body() dto: UpdateConsultationDto,
  ): Promise<ConsultationDto> {
    return this.consultations.update(user, id, dto);
  }

  @Post('consultations/:id/open')
  @RequiresGrant('registry_editor')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Publish a draft: public from now, comments from its opening time (registry editors; audited)',
  })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  open(@CurrentUser() user: AuthUser, @Param() { id }: ConsultationIdParamDto): Promise<ConsultationDto> {
    return this.consultations.open(user, id);
  }

  @Post('consultations/:id/close')
  @RequiresGrant('registry_editor')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close an open consultation now (registry editors; audited)' })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  close(@CurrentUser() user: AuthUser, @Param() { id }: ConsultationIdParamDto): Promise<ConsultationDto> {
    return this.consultations.close(user, id);
  }

  @Post('consultations/:id/responses')
  @RequiresGrant('registry_editor')
  @ApiOperation({ summary: 'Respond to one comment or a group of comments (registry editors; audited)' })
  @ApiCreatedResponse({ type: ResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  respond(
    @CurrentUser() user: AuthUser,
    @Param() { id }: ConsultationIdParamDto,
    @Body() dto: CreateResponseDto,
  ): Promise<ResponseDto> {
    return this.consultations.respond(user, id, dto);
  }

  @Put('consultations/:id/final-report')
  @RequiresGrant('registry_editor')
  @ApiOperation({ summary: 'Publish the final report of a closed consultation (registry editors; audited)' })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not closed yet' })
  finalReport(
    @CurrentUser() user: AuthUser,
    @Param() { id }: ConsultationIdParamDto,
    @Body() dto: FinalReportDto,
  ): Promise<ConsultationDto> {
    return this.consultations.finalReport(user, id, dto);
  }

  @Post('consultations/:id/comments')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Comment on a section while the consultation is open (anyone signed in)' })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Empty or too long, or an unknown section' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not open yet, or closed (the message says when)' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  comment(
    @CurrentUser() user: AuthUser,
    @Param() { id }: ConsultationIdParamDto,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentDto> {
    return this.consultations.comment(user, id, dto);
  }

  @Post('consultation-comments/:commentId/supports')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Support another person's comment, once, while the consultation is open" })
  @ApiCreatedResponse({ type: SupportResultDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Your own comment' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already supported by you, or not open' })
  support(@CurrentUser() user: AuthUser, @Param() { commentId }: CommentIdParamDto): Promise<SupportResultDto> {
    return this.consultations.support(user, commentId);
  }

  @Delete('consultation-comments/:commentId/supports')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Withdraw your own support of a comment while the consultation is open' })
  @ApiOkResponse({ type: SupportResultDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such comment, or you do not support it' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not open yet, or closed' })
  withdrawSupport(@CurrentUser() user: AuthUser, @Param() { commentId }: CommentIdParamDto): Promise<SupportResultDto> {
    return this.consultations.withdrawSupport(user, commentId);
  }
}
