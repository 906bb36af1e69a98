import { applyDecorators, Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth-user';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { ReaderLanguage } from '../common/i18n/reader-language';
import type { Locale } from '../users/users.constants';
import { RequiresGrant } from '../staff-roles/staff-grant.guard';
import { CityKeyParamDto } from './dto/registry-query.dto';
import { CityDetailDto } from './dto/registry-response.dto';
import {
  CreateCityDto,
  CreateDocumentDto,
  DocumentParamDto,
  RegistryHistoryDto,
  UpdateCityDto,
  UpdateDocumentDto,
} from './dto/registry-write.dto';
import { RegistryEditingService } from './registry-editing.service';

const RuleResponses = () =>
  applyDecorators(
    ApiConflictResponse({
      type: ErrorResponseDto,
      description:
        'The version sent is stale (code version_conflict), the document is already recorded, or a programme rule on other cities is broken (code programme_rule, with the rules)',
    }),
    ApiUnprocessableEntityResponse({
      type: ErrorResponseDto,
      description: 'A programme rule is broken (code programme_rule): send overrideJustification to go ahead',
    }),
  );

@ApiTags('registry')
@Controller('api/v1/cities')
export class RegistryEditingController {
  constructor(private readonly editing: RegistryEditingService) {}

  @Post()
  @RequiresGrant('registry_editor')
  @ApiOperation({ summary: 'Add a partner city (registry editors)' })
  @ApiCreatedResponse({ type: CityDetailDto })
  @RuleResponses()
  createCity(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateCityDto,
    @ReaderLanguage() reader: Locale,
  ): Promise<CityDetailDto> {
    return this.editing.createCity(user, dto, reader);
  }

  @Patch(':key')
  @RequiresGrant('registry_editor')
  @ApiOperation({
    summary: 'Change a partner city: send the version you read and the fields you change (registry editors)',
  })
  @ApiOkResponse({ type: CityDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @RuleResponses()
  updateCity(
    @CurrentUser() user: AuthUser,
    @Param() { key }: CityKeyParamDto,
    @Body() dto: UpdateCityDto,
    @ReaderLanguage() reader: Locale,
  ): Promise<CityDetailDto> {
    return this.editing.updateCity(user, key, dto, reader);
  }

  @Post(':key/documents')
  @RequiresGrant('registry_editor')
  @ApiOperation({ summary: "Add a document to a partner city's record (registry editors)" })
  @ApiCreatedResponse({ type: CityDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @RuleResponses()
  createDocument(
    @CurrentUser() user: AuthUser,
    @Param() { key }: CityKeyParamDto,
    @Body() dto: CreateDocumentDto,
    @ReaderLanguage() reader: Locale,
  ): Promise<CityDetailDto> {
    return this.editing.createDocument(user, key, dto, reader);
  }

  @Patch(':key/documents/:id')
  @RequiresGrant('registry_editor')
  @ApiOperation({
    summary: 'Change a document: send the version you read and the fields you change (registry editors)',
  })
  @ApiOkResponse({ type: CityDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @RuleResponses()
  updateDocument(
    @CurrentUser() user: AuthUser,
    @Param() { key, id }: DocumentParamDto,
    @Body() dto: UpdateDocumentDto,
    @ReaderLanguage() reader: Locale,
  ): Promise<CityDetailDto> {
    return this.editing.updateDocument(user, key, Number(id), dto, reader);
  }

  @Get(':key/history')
  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @ApiOperation({ summary: "A partner city's history: who changed what and when, newest first (city staff)" })
  @ApiOkResponse({ type: RegistryHistoryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  history(@Param() { key }: CityKeyParamDto): Promise<RegistryHistoryDto> {
    return this.editing.history(key);
  }
}
