import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Public, type AuthUser } from '../auth/auth-user';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { RequiresGrant } from '../staff-roles/staff-grant.guard';
import {
  CreateDelegationDto,
  DelegationDto,
  DelegationIdParamDto,
  DelegationImportDto,
  DelegationImportResultDto,
  DelegationListDto,
  DelegationQueryDto,
  DelegationSummaryDto,
  PublicDelegationListDto,
  UpdateDelegationDto,
} from './dto/delegation.dto';
import { DelegationsService } from './delegations.service';

@ApiTags('delegations')
@Controller('api/v1/delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Public()
  @Get('summary')
  @ApiOperation({
    summary: 'Public visits counted by year, direction and partner city (private visits are not counted)',
  })
  @ApiOkResponse({ type: DelegationSummaryDto })
  summary(): Promise<DelegationSummaryDto> {
    return this.delegations.summary(true);
  }

  @Get('summary/all')
  @RequiresGrant('registry_editor')
  @ApiOperation({ summary: 'Every visit, private ones too, counted by year, direction and city (registry editors)' })
  @ApiOkResponse({ type: DelegationSummaryDto })
  summaryOfAll(): Promise<DelegationSummaryDto> {
    return this.delegations.summary(false);
  }

  @Public()
  @Get('public')
  @ApiOperation({ summary: 'The visits staff marked public, newest first' })
  @ApiOkResponse({ type: PublicDelegationListDto })
  listPublic(@Query() { year }: DelegationQueryDto): Promise<PublicDelegationListDto> {
    return this.delegations.listPublic(year);
  }

  @Get()
  @RequiresGrant('registry_editor')
  @ApiOperation({ summary: 'The register: every visit, newest first (registry editors)' })
  @ApiOkResponse({ type: DelegationListDto })
  list(@Query() { year }: DelegationQueryDto): Promise<DelegationListDto> {
    return this.delegations.list(year);
  }

  @Post()
  @RequiresGrant('registry_editor')
  @ApiOperation({ summary: 'Enter a visit (registry editors; audited)' })
  @ApiCreatedResponse({ type: DelegationDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateDelegationDto): Promise<DelegationDto> {
    return this.delegations.create(user, dto);
  }

  @Post('import')
  @RequiresGrant('registry_editor')
  @ApiOperation({
    summary:
      'Import visits from CSV, all or nothing: with any row wrong nothing is stored and the rows are listed (registry editors; audited)',
  })
  @ApiCreatedResponse({ type: DelegationImportResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Not CSV, or wrong columns (the message names them)' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'Rows rejected (code rows_rejected, the rows in rejected): nothing was imported',
  })
  import(@CurrentUser() user: AuthUser, @Body() { csv }: DelegationImportDto): Promise<DelegationImportResultDto> {
    return this.delegations.import(user, csv);
  }

  @Get(':id')
  @RequiresGrant('registry_editor')
  @ApiOperation({ summary: 'One visit (registry editors)' })
  @ApiOkResponse({ type: DelegationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param() { id }: DelegationIdParamDto): Promise<DelegationDto> {
    return this.delegations.get(Number(id));
  }

  @Patch(':id')
  @RequiresGrant('registry_editor')
  @ApiOperation({
    summary: 'Change a visit: send the version you read and what you change (registry editors; audited)',
  })
  @ApiOkResponse({ type: DelegationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'Changed by someone else since you read it (code version_conflict)',
  })
  update(
    @CurrentUser() user: AuthUser,
    @Param() { id }: DelegationIdParamDto,
    @Body() dto: UpdateDelegationDto,
  ): Promise<DelegationDto> {
    return this.delegations.update(user, Number(id), dto);
  }
}
