import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type {} from '@fastify/cookie'; // adds request.cookies and reply.setCookie to the types
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { User } from '../users/entities/user.entity';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from './auth.constants';
import { AuthService, type ClientInfo, type IssuedTokens } from './auth.service';
import { CurrentUser, Public, type AuthUser } from './auth-user';
import {
  AccessTokenDto,
  ChangeEmailDto,
  ChangePasswordDto,
  EmailField,
  LoginDto,
  NoticeDto,
  PasswordResetConfirmDto,
  RegisterDto,
  SessionListDto,
  TokenDto,
} from './dto/auth.dto';
import { LocalAuthGuard } from './guards/auth.guards';

const client = (request: FastifyRequest): ClientInfo => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

@ApiTags('auth')
@ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Too many attempts; see Retry-After' })
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/register')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Sign up; a verification link is sent by e-mail' })
  @ApiAcceptedResponse({ type: NoticeDto })
  register(@Body() dto: RegisterDto, @Req() request: FastifyRequest): Promise<NoticeDto> {
    return this.auth.register(dto, client(request));
  }

  @Public()
  @Post('auth/verify-email')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Confirm the e-mail address with the token of the link' })
  @ApiOkResponse({ type: NoticeDto })
  verifyEmail(@Body() { token }: TokenDto, @Req() request: FastifyRequest): Promise<NoticeDto> {
    return this.auth.verifyEmail(token, client(request));
  }

  @Public()
  @Post('auth/verify-email/resend')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send the verification link again' })
  @ApiAcceptedResponse({ type: NoticeDto })
  resendVerification(@Body() { email }: EmailField, @Req() request: FastifyRequest): Promise<NoticeDto> {
    return this.auth.resendVerification(email, client(request));
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('auth/login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Log in: an access token in the body, a rotating refresh token in an httpOnly cookie' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  async login(
    @Req() request: FastifyRequest & { user: User },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccessTokenDto> {
    return this.withCookie(reply, await this.auth.login(request.user, client(request)));
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A new access token for the refresh-token cookie (which is rotated)' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccessTokenDto> {
    try {
      return this.withCookie(reply, await this.auth.refresh(request.cookies[REFRESH_COOKIE]));
    } catch (error) {
      this.clearCookie(reply);
      throw error;
    }
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Log out: revokes the session' })
  @ApiNoContentResponse()
  async logout(
    @Req() request: FastifyRequest & { user?: AuthUser },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(request.cookies[REFRESH_COOKIE], request.user);
    this.clearCookie(reply);
  }

  @Public()
  @Post('auth/password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a password-reset link' })
  @ApiAcceptedResponse({ type: NoticeDto })
  requestPasswordReset(@Body() { email }: EmailField, @Req() request: FastifyRequest): Promise<NoticeDto> {
    return this.auth.requestPasswordReset(email, client(request));
  }

  @Public()
  @Post('auth/password-reset/confirm')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Set a new password with the token of the link; signs out every session' })
  @ApiOkResponse({ type: NoticeDto })
  confirmPasswordReset(@Body() dto: PasswordResetConfirmDto, @Req() request: FastifyRequest): Promise<NoticeDto> {
    return this.auth.confirmPasswordReset(dto.token, dto.password, client(request));
  }

  @Public()
  @Post('auth/confirm-email-change')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Switch to the new e-mail address with the token sent to it' })
  @ApiOkResponse({ type: NoticeDto })
  confirmEmailChange(@Body() { token }: TokenDto, @Req() request: FastifyRequest): Promise<NoticeDto> {
    return this.auth.confirmEmailChange(token, client(request));
  }

  @ApiBearerAuth()
  @Post('me/password')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Change the password (needs the current one); signs out the other sessions and notifies the address',
  })
  @ApiOkResponse({ type: NoticeDto })
  changePassword(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<NoticeDto> {
    return this.auth.changePassword(user, dto.currentPassword, dto.newPassword, client(request));
  }

  @ApiBearerAuth()
  @Post('me/email')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Change the e-mail address (needs the current password); the old address is told' })
  @ApiAcceptedResponse({ type: NoticeDto })
  changeEmail(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangeEmailDto,
    @Req() request: FastifyRequest,
  ): Promise<NoticeDto> {
    return this.auth.requestEmailChange(user, dto.currentPassword, dto.newEmail, client(request));
  }

  @ApiBearerAuth()
  @Get('me/sessions')
  @ApiOperation({ summary: 'My signed-in sessions' })
  @ApiOkResponse({ type: SessionListDto })
  sessions(@CurrentUser() user: AuthUser): Promise<SessionListDto> {
    return this.auth.listSessions(user);
  }

  @ApiBearerAuth()
  @Delete('me/sessions/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out one of my sessions' })
  async revokeSession(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 400 })) id: string,
  ): Promise<void> {
    await this.auth.revokeSession(user, id);
  }

  private withCookie(reply: FastifyReply, tokens: IssuedTokens): AccessTokenDto {
    reply.setCookie(REFRESH_COOKIE, tokens.refreshToken, {
      httpOnly: true,
      secure: this.config.secureCookies,
      sameSite: 'strict',
      path: REFRESH_COOKIE_PATH,
      expires: tokens.refreshExpiresAt,
    });
    return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn };
  }

  private clearCookie(reply: FastifyReply): void {
    reply.clearCookie(REFRESH_COOKIE, {
      path: REFRESH_COOKIE_PATH,
      httpOnly: true,
      secure: this.config.secureCookies,
      sameSite: 'strict',
    });
  }
}
