import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { uuidParam } from '../common/http/params';
import { readerLanguage } from '../common/i18n/reader-language';
import { CurrentUser, Public, type AuthUser } from '../auth/auth-user';
import { CityKeyParamDto } from '../registry/dto/registry-query.dto';
import { RequiresGrant } from '../staff-roles/staff-grant.guard';
import {
  CityBoostDto,
  CreateSavedSearchDto,
  MatchesDto,
  MatchQueryDto,
  SavedSearchDto,
  SavedSearchListDto,
  SuggestionQueryDto,
  SuggestionsDto,
} from './dto/matching.dto';
import { MatchingService } from './matching.service';
import { SavedSearchesService } from './saved-searches.service';
import type { Locale } from './score';

/** The reasons' language: asked for (lang), else the reader's (src/common/i18n/reader-language.ts). */
function viewerLocale(
  asked: Locale | undefined,
  user: AuthUser | undefined,
  acceptLanguage: string | undefined,
): Locale {
  return asked ?? readerLanguage(acceptLanguage, user);
}

@ApiTags('matching')
@Controller('api/v1')
export class MatchingController {
  constructor(
    private readonly matching: MatchingService,
    private readonly savedSearches: SavedSearchesService,
  ) {}

  @Public()
  @Get('initiatives/:id/matches')
  @ApiOperation({
    summary: 'Counterpart organisations and complementary initiatives, ranked, with the reasons they matched',
  })
  @ApiOkResponse({ type: MatchesDto })
  @ApiHeader({ name: 'accept-language', required: false })
  matches(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: MatchQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
    @CurrentUser() user?: AuthUser,
  ): Promise<MatchesDto> {
    return this.matching.forInitiative(id, user, viewerLocale(query.lang, user, acceptLanguage), {
      organizations: query.organizationsCursor,
      initiatives: query.initiativesCursor,
    });
  }

  @Public()
  @Get('organizations/:id/suggestions')
  @ApiOperation({
    summary: '"Initiatives that fit you": published initiatives ranked for an organisation, with reasons',
  })
  @ApiOkResponse({ type: SuggestionsDto })
  @ApiHeader({ name: 'accept-language', required: false })
  suggestions(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: SuggestionQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
    @CurrentUser() user?: AuthUser,
  ): Promise<SuggestionsDto> {
    return this.matching.forOrganization(id, user, viewerLocale(query.lang, user, acceptLanguage), query.cursor);
  }

  // Registry editors: the boost is the registry's judgement, set here or by marking a dormant city for revival.
  @RequiresGrant('registry_editor')
  @Put('cities/:key/boost')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Lift a partner city in matching, for a partnership the city wants to revive (city staff)' })
  @ApiNoContentResponse()
  async boost(@Param() { key }: CityKeyParamDto, @Body() { boost }: CityBoostDto): Promise<void> {
    await this.matching.setCityBoost(key, boost);
  }

  @ApiBearerAuth()
  @Post('saved-searches')
  @ApiOperation({ summary: 'Save the filters of a search; you are told when a newly published initiative matches' })
  @ApiCreatedResponse({ type: SavedSearchDto })
  createSavedSearch(@CurrentUser() user: AuthUser, @Body() dto: CreateSavedSearchDto): Promise<SavedSearchDto> {
    return this.savedSearches.create(user, dto);
  }

  @ApiBearerAuth()
  @Get('saved-searches')
  @ApiOperation({ summary: 'My saved searches' })
  @ApiOkResponse({ type: SavedSearchListDto })
  listSavedSearches(@CurrentUser() user: AuthUser): Promise<SavedSearchListDto> {
    return this.savedSearches.list(user);
  }

  @ApiBearerAuth()
  @Delete('saved-searches/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete one of my saved searches' })
  @ApiNoContentResponse()
  async deleteSavedSearch(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIntPipe({ exceptionFactory: () => new BadRequestException('id must be a whole number') }))
    id: number,
  ): Promise<void> {
    await this.savedSearches.delete(user, id);
  }
}
