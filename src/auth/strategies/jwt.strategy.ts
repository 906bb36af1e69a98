import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from '../auth.constants';
import type { AuthUser } from '../auth-user';
import { JwtSecretProvider } from '../jwt-secret.provider';
import { AccessTokenVerifier } from '../access-token.verifier';

interface AccessTokenPayload {
  sub: string;
  sid: string;
  exp?: number;
}

/**
 * Access tokens: HS256 only (`alg: none` and other algorithms are refused), audience, issuer and
 * expiry checked (a token without `exp` is refused by AccessTokenVerifier.userFor); then the session must still be live, so that logging out or revoking a session
 * takes effect at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    secret: JwtSecretProvider,
    private readonly tokens: AccessTokenVerifier,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: (_request: unknown, _token: unknown, done: (error: Error | null, key?: Buffer) => void) =>
        done(null, secret.keyForJsonwebtoken),
      algorithms: [JWT_ALGORITHM],
      audience: JWT_AUDIENCE,
      issuer: JWT_ISSUER,
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthUser | false> {
    return (await this.tokens.userFor(payload)) ?? false;
  }
}
