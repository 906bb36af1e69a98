import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from '../auth/auth.constants';
import { CurrentPasswordDto, MeDto, UpdateProfileDto } from '../auth/dto/auth.dto';
import { AccountService } from './account.service';

@ApiTags('account')
@ApiBearerAuth()
@Controller('api/v1/me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Get()
  @ApiOperation({ summary: 'My account' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.account.me(user);
  }

  @Patch()
  @ApiOperation({ summary: 'Change my name or language' })
  @ApiOkResponse({ type: MeDto })
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateProfileDto): Promise<MeDto> {
    return this.account.update(user, dto);
  }

  @Get('export')
  @ApiOperation({ summary: 'Everything the platform holds about me, as JSON' })
  @ApiOkResponse({ schema: { type: 'object' } })
  async export(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply) {
    reply.header('content-disposition', 'attachment; filename="cooperation-forum-my-data.json"');
    reply.header('cache-control', 'no-store');
    return this.account.export(user);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete my account (needs my password)',
    description:
      'Sessions are revoked and personal data erased; public contributions stay, signed "deleted user". A sole owner of an organisation must hand it over first (409).',
  })
  @ApiNoContentResponse()
  async delete(
    @CurrentUser() user: AuthUser,
    @Body() { currentPassword }: CurrentPasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.account.delete(user, currentPassword, { ip: request.ip, userAgent: request.headers['user-agent'] });
    reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
  }
}
