import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { uuidParam } from '../common/http/params';
import { CurrentUser, Public, type AuthUser } from '../auth/auth-user';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { ReaderLanguage } from '../common/i18n/reader-language';
import type { Locale } from '../users/users.constants';
import {
  CreateInitiativeDto,
  InitiativeDetailDto,
  InitiativeSearchQueryDto,
  InitiativeSearchResultDto,
  SimilarListDto,
  TransitionCommentDto,
  UpdateInitiativeDto,
} from './dto/initiative.dto';
import type { InitiativeAction } from './initiatives.constants';
import { InitiativesService } from './initiatives.service';

@ApiTags('initiatives')
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('api/v1/initiatives')
export class InitiativesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Search initiatives: text (diacritics-insensitive, prefixes), filters, facets, keyset pages',
  })
  @ApiOkResponse({ type: InitiativeSearchResultDto })
  // The body comes as JSON bytes (often from the search cache), sent as they are.
  @Header('Content-Type', 'application/json; charset=utf-8')
  search(
    @Query() query: InitiativeSearchQueryDto,
    @ReaderLanguage() language: Locale,
    @CurrentUser() user?: AuthUser,
  ): Promise<Buffer> {
    return this.initiatives.searchBody(query, user, language);
  }

  @ApiBearerAuth()
  @Post()
  @ApiOperation({ summary: 'Create a draft initiative for your (verified) organisation' })
  @ApiCreatedResponse({ type: InitiativeDetailDto })
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateInitiativeDto,
    @ReaderLanguage() language: Locale,
  ): Promise<InitiativeDetailDto> {
    return this.initiatives.create(user, dto, language);
  }

  @Public()
  @Get(':id')
  @ApiOperation({
    summary: 'An initiative: public once published; drafts and rejected ones for its organisation and staff',
  })
  @ApiOkResponse({ type: InitiativeDetailDto })
  get(
    @Param('id', uuidParam('id')) id: string,
    @ReaderLanguage() language: Locale,
    @CurrentUser() user?: AuthUser,
  ): Promise<InitiativeDetailDto> {
    return this.initiatives.get(id, user, language);
  }

  @ApiBearerAuth()
  @Patch(':id')
  @ApiOperation({ summary: 'Edit an initiative (owners and editors of its organisation)' })
  @ApiOkResponse({ type: InitiativeDetailDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not editable in its status' })
  update(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateInitiativeDto,
    @ReaderLanguage() language: Locale,
  ): Promise<InitiativeDetailDto> {
    return this.initiatives.update(id, user, dto, language);
  }

  @Public()
  @Get(':id/similar')
  @ApiOperation({ summary: 'Up to five published initiatives like this one (to avoid duplicates)' })
  @ApiOkResponse({ type: SimilarListDto })
  similar(
    @Param('id', uuidParam('id')) id: string,
    @ReaderLanguage() language: Locale,
    @CurrentUser() user?: AuthUser,
  ): Promise<SimilarListDto> {
    return this.initiatives.similar(id, user, language);
  }

  @ApiBearerAuth()
  @Post(':id/submit')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Submit for moderation (from draft or changes requested; editors)' })
  @ApiOkResponse({ type: InitiativeDetailDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  submit(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @ReaderLanguage() language: Locale,
  ): Promise<InitiativeDetailDto> {
    return this.act(id, 'submit', user, language);
  }

  @ApiBearerAuth()
  @Post(':id/publish')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Publish a submitted initiative (city staff)' })
  @ApiOkResponse({ type: InitiativeDetailDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  publish(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() comment: TransitionCommentDto,
    @ReaderLanguage() language: Locale,
  ): Promise<InitiativeDetailDto> {
    return this.act(id, 'publish', user, language, comment);
  }

  @ApiBearerAuth()
  @Post(':id/request-changes')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Ask the authors for changes, with a comment they see (city staff)' })
  @ApiOkResponse({ type: InitiativeDetailDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  requestChanges(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() comment: TransitionCommentDto,
    @ReaderLanguage() language: Locale,
  ): Promise<InitiativeDetailDto> {
    return this.act(id, 'request-changes', user, language, comment);
  }

  @ApiBearerAuth()
  @Post(':id/reject')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reject with a reason (city staff)' })
  @ApiOkResponse({ type: InitiativeDetailDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  reject(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() comment: TransitionCommentDto,
    @ReaderLanguage() language: Locale,
  ): Promise<InitiativeDetailDto> {
    return this.act(id, 'reject', user, language, comment);
  }

  @ApiBearerAuth()
  @Post(':id/start')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark a published initiative as in progress (editors)' })
  @ApiOkResponse({ type: InitiativeDetailDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  start(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @ReaderLanguage() language: Locale,
  ): Promise<InitiativeDetailDto> {
    return this.act(id, 'start', user, language);
  }

  @ApiBearerAuth()
  @Post(':id/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark as completed (editors)' })
  @ApiOkResponse({ type: InitiativeDetailDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  complete(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @ReaderLanguage() language: Locale,
  ): Promise<InitiativeDetailDto> {
    return this.act(id, 'complete', user, language);
  }

  @ApiBearerAuth()
  @Post(':id/archive')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Archive (editors or city staff)' })
  @ApiOkResponse({ type: InitiativeDetailDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  archive(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
    @Body() comment: TransitionCommentDto,
    @ReaderLanguage() language: Locale,
  ): Promise<InitiativeDetailDto> {
    return this.act(id, 'archive', user, language, comment);
  }

  private act(
    id: string,
    action: InitiativeAction,
    user: AuthUser,
    language: Locale,
    comment?: TransitionCommentDto,
  ): Promise<InitiativeDetailDto> {
    return this.initiatives.transition(id, action, user, comment?.comment, language, comment?.lang);
  }
}
