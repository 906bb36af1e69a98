import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '../../common/http/params';
import { CurrentUser, type AuthUser } from '../../auth/auth-user';
import { RegistrationDto } from './dto/registration.dto';
import { RegistrationsService } from './registrations.service';

@ApiTags('forum')
@Controller('api/v1/forum')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @ApiBearerAuth()
  @Post('editions/:id/register')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Register for the edition' })
  @ApiOkResponse({ type: RegistrationDto })
  registerForEdition(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<RegistrationDto> {
    return this.registrations.registerForEdition(user, id);
  }

  @ApiBearerAuth()
  @Get('editions/:id/me')
  @ApiOperation({ summary: 'My forum: registrations and my organisations’ meetings' })
  myForum(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser) {
    return this.registrations.myForum(user, id);
  }

  @ApiBearerAuth()
  @Post('sessions/:id/register')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Register for a session: confirmed while places remain, then the waiting list in order' })
  @ApiOkResponse({ type: RegistrationDto })
  register(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<RegistrationDto> {
    return this.registrations.registerForSession(user, id);
  }

  @ApiBearerAuth()
  @Delete('sessions/:id/register')
  @ApiOperation({ summary: 'Cancel; the first on the waiting list gets the place and is told' })
  @ApiOkResponse({ type: RegistrationDto })
  cancel(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<RegistrationDto> {
    return this.registrations.cancelSessionRegistration(user, id);
  }
}
