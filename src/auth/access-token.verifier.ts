import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './auth.constants';
import type { AuthUser } from './auth-user';
import { JwtSecretProvider } from './jwt-secret.provider';
import { SessionsRepository } from './sessions.repository';

/**
 * Checks an access token where passport does not run (the Socket.IO handshake): the same pinned
 * algorithm, audience, issuer and expiry as the HTTP strategy, then the live session.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly secret: JwtSecretProvider,
    private readonly sessions: SessionsRepository,
  ) {}

  async verify(token: unknown): Promise<AuthUser | null> {
    if (typeof token !== 'string' || token.length > 4096) return null;
    let payload: { sub?: unknown; sid?: unknown; exp?: unknown };
    try {
      payload = await this.jwt.verifyAsync(token, {
        secret: this.secret.keyForJsonwebtoken,
        algorithms: [JWT_ALGORITHM],
        audience: JWT_AUDIENCE,
        issuer: JWT_ISSUER,
      });
    } catch {
      return null;
    }
    return this.userFor(payload);
  }

  /**
   * The live session behind a verified payload, shared with the HTTP strategy. A token without
   * `exp` is refused: jsonwebtoken checks expiry only when the claim is there, and such a token
   * (signed with a leaked key, or by a mistake of ours) would never expire (issue 18).
   */
  async userFor(payload: { sub?: unknown; sid?: unknown; exp?: unknown }): Promise<AuthUser | null> {
    if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) return null;
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || !/^[0-9a-f-]{36}$/.test(payload.sid))
      return null;
    const active = await this.sessions.findActive(payload.sid, payload.sub);
    if (!active) return null;
    return {
      id: active.userId,
      sessionId: active.sessionId,
      role: active.role,
      locale: active.locale,
      email: active.email,
      displayName: active.displayName,
    };
  }
}
