import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth-user';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { ReaderLanguage } from '../common/i18n/reader-language';
import { CityKeyParamDto } from '../registry/dto/registry-query.dto';
import type { Locale } from '../users/users.constants';
import { CityLinksDto, GoalPageDto, HomeDto, NetworkPageDto, RegistryKeyParamDto } from './dto/public-pages.dto';
import { PublicPagesService } from './public-pages.service';

@ApiTags('public pages')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'A key is malformed; the message says so' })
@Public()
@Controller('api/v1')
export class PublicPagesController {
  constructor(private readonly pages: PublicPagesService) {}

  @Get('home')
  @ApiOperation({
    summary: 'The home page: key figures, the coming forum edition and its call, the newest initiatives',
  })
  @ApiOkResponse({ type: HomeDto })
  home(@ReaderLanguage() language: Locale): Promise<HomeDto> {
    return this.pages.home(language);
  }

  @Get('networks/:key')
  @ApiOperation({ summary: 'A city network: its facts, the partner cities that belong, initiatives that involve them' })
  @ApiOkResponse({ type: NetworkPageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No city network has this key' })
  network(@Param() { key }: RegistryKeyParamDto, @ReaderLanguage() language: Locale): Promise<NetworkPageDto> {
    return this.pages.network(key, language);
  }

  @Get('goals/:key')
  @ApiOperation({ summary: 'A cooperation goal: what it says, the initiatives and public partnerships that serve it' })
  @ApiOkResponse({ type: GoalPageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No goal has this key' })
  goal(@Param() { key }: RegistryKeyParamDto, @ReaderLanguage() language: Locale): Promise<GoalPageDto> {
    return this.pages.goal(key, language);
  }

  @Get('cities/:key/activity')
  @ApiOperation({
    summary:
      "What a partner city's page links to: organisations there, initiatives that target it, its public partnerships and visits",
  })
  @ApiOkResponse({ type: CityLinksDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No partner city has this key' })
  cityActivity(@Param() { key }: CityKeyParamDto, @ReaderLanguage() language: Locale): Promise<CityLinksDto> {
    return this.pages.cityActivity(key, language);
  }
}
