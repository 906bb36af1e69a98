import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth-user';
import { StaffGrantParamDto, StaffListDto } from './dto/staff-roles.dto';
import { StaffRolesService } from './staff-roles.service';

@ApiTags('staff')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/staff')
export class StaffRolesController {
  constructor(private readonly staffRoles: StaffRolesService) {}

  @Get()
  @ApiOperation({ summary: 'City staff (moderators and admins) with the roles granted to them (admins)' })
  @ApiOkResponse({ type: StaffListDto })
  list(): Promise<StaffListDto> {
    return this.staffRoles.listStaff();
  }

  @Put(':userId/grants/:grant')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Grant a role to a member of staff (admins; audited)' })
  @ApiNoContentResponse()
  async grant(@CurrentUser() admin: AuthUser, @Param() { userId, grant }: StaffGrantParamDto): Promise<void> {
    await this.staffRoles.grant(admin, userId, grant);
  }

  @Delete(':userId/grants/:grant')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Withdraw a role from a member of staff (admins; audited)' })
  @ApiNoContentResponse()
  async withdraw(@CurrentUser() admin: AuthUser, @Param() { userId, grant }: StaffGrantParamDto): Promise<void> {
    await this.staffRoles.withdraw(admin, userId, grant);
  }
}
