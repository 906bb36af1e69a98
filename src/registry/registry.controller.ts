import { Public } from '../auth/auth-user';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { ReaderLanguage } from '../common/i18n/reader-language';
import type { Locale } from '../users/users.constants';
import { CityDetailQueryDto, CityKeyParamDto, CityQueryDto, GoalQueryDto } from './dto/registry-query.dto';
import {
  AreaListDto,
  CityDetailDto,
  CityListDto,
  GoalListDto,
  HomeCityDto,
  NetworkListDto,
  PrincipleListDto,
} from './dto/registry-response.dto';
import { RegistryService } from './registry.service';

@ApiTags('registry')
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description: 'A parameter is malformed or unknown; the message names it',
})
@Public()
@Controller('api/v1')
export class RegistryController {
  constructor(private readonly registry: RegistryService) {}

  @Get('cities')
  @ApiOperation({ summary: 'The partner cities, with filters' })
  @ApiOkResponse({ type: CityListDto })
  listCities(@Query() query: CityQueryDto): Promise<CityListDto> {
    return this.registry.listCities(query);
  }

  @Get('cities/:key')
  @ApiOperation({ summary: 'A partner city with its documents (in date order, with deadlines) and networks' })
  @ApiOkResponse({ type: CityDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No partner city has this key' })
  getCity(
    @Param() { key }: CityKeyParamDto,
    @Query() { on }: CityDetailQueryDto,
    @ReaderLanguage() language: Locale,
  ): Promise<CityDetailDto> {
    return this.registry.getCity(key, language, on);
  }

  @Get('home-city')
  @ApiOperation({ summary: 'The home city (Kraków in the default reference data)' })
  @ApiOkResponse({ type: HomeCityDto })
  getHomeCity(): Promise<HomeCityDto> {
    return this.registry.getHomeCity();
  }

  @Get('networks')
  @ApiOperation({ summary: 'The city networks the home city belongs to' })
  @ApiOkResponse({ type: NetworkListDto })
  listNetworks(): Promise<NetworkListDto> {
    return this.registry.listNetworks();
  }

  @Get('goals')
  @ApiOperation({ summary: "The city's thematic and geographic cooperation goals" })
  @ApiOkResponse({ type: GoalListDto })
  listGoals(@Query() { scope }: GoalQueryDto): Promise<GoalListDto> {
    return this.registry.listGoals(scope);
  }

  @Get('principles')
  @ApiOperation({ summary: 'The principles of international cooperation' })
  @ApiOkResponse({ type: PrincipleListDto })
  listPrinciples(): Promise<PrincipleListDto> {
    return this.registry.listPrinciples();
  }

  @Get('organization-types')
  @ApiOperation({ summary: 'The organisation types (ngo, school, university, chamber...)' })
  @ApiOkResponse({ type: AreaListDto })
  listOrganizationTypes(): Promise<AreaListDto> {
    return this.registry.listOrganizationTypes();
  }

  @Get('areas')
  @ApiOperation({ summary: 'The cooperation areas (the vocabulary of the area filters)' })
  @ApiOkResponse({ type: AreaListDto })
  listAreas(): Promise<AreaListDto> {
    return this.registry.listAreas();
  }
}
