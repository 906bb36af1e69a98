import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { UsersModule } from '../users/users.module';
import { AccessTokenVerifier } from './access-token.verifier';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { EmailTokensRepository } from './email-tokens.repository';
import { JwtAuthGuard, RolesGuard } from './guards/auth.guards';
import { JwtSecretProvider } from './jwt-secret.provider';
import { PasswordHasher } from './password-hasher';
import { SessionsRepository } from './sessions.repository';
import { JwtStrategy } from './strategies/jwt.strategy';
import { LocalStrategy } from './strategies/local.strategy';

@Module({
  imports: [PassportModule, JwtModule.register({}), UsersModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsRepository,
    EmailTokensRepository,
    PasswordHasher,
    JwtSecretProvider,
    AccessTokenVerifier,
    JwtStrategy,
    LocalStrategy,
    // Secure by default: every route needs a signed-in user unless marked @Public().
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService, SessionsRepository, PasswordHasher, AccessTokenVerifier],
})
export class AuthModule {}
