import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { CityKeyParamDto } from '../registry/dto/registry-query.dto';
import { RequiresGrant } from '../staff-roles/staff-grant.guard';
import { DormancyService } from './dormancy.service';
import {
  CityActivityDto,
  ConfirmDto,
  DismissDto,
  DormancyListDto,
  DormancyQueryDto,
  ReviveDto,
} from './dto/dormancy.dto';

@ApiTags('dormancy')
@Controller('api/v1/dormancy')
export class DormancyController {
  constructor(private readonly dormancy: DormancyService) {}

  @Get()
  @RequiresGrant('registry_editor')
  @ApiOperation({
    summary: "Every partner city's activity in the window, flagged when possibly dormant (registry editors)",
  })
  @ApiOkResponse({ type: DormancyListDto })
  list(@Query() { windowMonths, minimum }: DormancyQueryDto): Promise<DormancyListDto> {
    return this.dormancy.list(windowMonths, minimum);
  }

  @Post(':key/confirm')
  @HttpCode(HttpStatus.OK)
  @RequiresGrant('registry_editor')
  @ApiOperation({ summary: 'Confirm a city as dormant: its status becomes dormant (registry editors; audited)' })
  @ApiOkResponse({ type: CityActivityDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  confirm(@CurrentUser() user: AuthUser, @Param() { key }: CityKeyParamDto, @Body() { reason }: ConfirmDto) {
    return this.dormancy.confirm(user, key, reason);
  }

  @Post(':key/dismiss')
  @HttpCode(HttpStatus.OK)
  @RequiresGrant('registry_editor')
  @ApiOperation({ summary: 'Dismiss the flag with a reason (registry editors; audited)' })
  @ApiOkResponse({ type: CityActivityDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  dismiss(@CurrentUser() user: AuthUser, @Param() { key }: CityKeyParamDto, @Body() { reason }: DismissDto) {
    return this.dormancy.dismiss(user, key, reason);
  }

  @Post(':key/revive')
  @HttpCode(HttpStatus.OK)
  @RequiresGrant('registry_editor')
  @ApiOperation({ summary: 'Mark a city for revival: it gets a matching boost (registry editors; audited)' })
  @ApiOkResponse({ type: CityActivityDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  revive(@CurrentUser() user: AuthUser, @Param() { key }: CityKeyParamDto, @Body() { reason, boost }: ReviveDto) {
    return this.dormancy.revive(user, key, reason, boost);
  }
}
