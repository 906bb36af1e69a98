import {
  BadRequestException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomToken, sha256 } from '../common/crypto';
import { DomainEventBus } from '../common/events/domain-events';
import { RateLimitService, TooManyRequestsException } from '../common/rate-limit/rate-limit.service';
import { Lifecycle } from '../lifecycle/lifecycle';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailService } from '../mail/mail.service';
import type { User } from '../users/entities/user.entity';
import { UsersRepository } from '../users/users.repository';
import {
  ACCESS_TOKEN_SECONDS,
  accountFromSource,
  JWT_ALGORITHM,
  JWT_AUDIENCE,
  JWT_ISSUER,
  LOGIN_FAILURES_PER_ACCOUNT,
  LOGIN_FAILURES_PER_ADDRESS,
  MAIL_REQUESTS_PER_ACCOUNT,
  MAIL_REQUESTS_PER_ADDRESS,
  PASSWORD_RESET_MINUTES,
  SESSION_DAYS,
  TOKEN_CHECKS_PER_ADDRESS,
  VERIFY_EMAIL_HOURS,
} from './auth.constants';
import type { AuthUser } from './auth-user';
import type { RegisterDto } from './dto/auth.dto';
import { EmailTokensRepository } from './email-tokens.repository';
import type { EmailTokenPurpose } from './entities/email-token.entity';
import { JwtSecretProvider } from './jwt-secret.provider';
import { PasswordHasher } from './password-hasher';
import { PASSWORD_MESSAGES, passwordProblem } from './password-policy';
import { SessionsRepository } from './sessions.repository';

export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface ClientInfo {
  ip: string;
  userAgent?: string;
}

const LINK_SENT = 'If the address can receive it, we have sent it a link. Check your e-mail.';
const BAD_LINK = 'This link is invalid, already used or expired: request a new one.';

/** Accounts and sessions: sign-up, e-mail verification, log in, token rotation, password and e-mail changes. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly emailTokens: EmailTokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly jwtSecret: JwtSecretProvider,
    private readonly mail: MailService,
    private readonly rateLimits: RateLimitService,
    private readonly events: DomainEventBus,
    private readonly lifecycle: Lifecycle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Always answers the same way, so that sign-up does not reveal which addresses have accounts. */
  async register(dto: RegisterDto, client: ClientInfo): Promise<{ message: string }> {
    await this.rateLimits.consume(MAIL_REQUESTS_PER_ADDRESS, client.ip);
    this.assertPasswordAllowed(dto.password, 'password', [dto.email.split('@')[0], dto.displayName]);
    const passwordHash = await this.hasher.hash(dto.password);
    const user = await this.users.insert({
      email: dto.email,
      passwordHash,
      displayName: dto.displayName,
      locale: dto.locale,
    });
    if (user) {
      await this.sendLink(user, 'verify_email', VERIFY_EMAIL_HOURS * 60);
    } else {
      const existing = await this.users.findByEmail(dto.email);
      if (existing) {
        await this.mail.enqueueAndDeliver({
          to: existing.email!,
          locale: existing.locale,
          template: 'account_exists',
          params: { name: existing.displayName ?? '', resetLink: this.link('/password-reset') },
          userId: existing.id,
        });
      }
    }
    return { message: LINK_SENT };
  }

  async resendVerification(email: string, client: ClientInfo): Promise<{ message: string }> {
    await this.rateLimits.consume(MAIL_REQUESTS_PER_ADDRESS, client.ip);
    const user = await this.users.findByEmail(email);
    if (user && !user.emailVerifiedAt) {
      await this.rateLimits.consume(MAIL_REQUESTS_PER_ACCOUNT, user.id);
      await this.sendLink(user, 'verify_email', VERIFY_EMAIL_HOURS * 60);
    }
    return { message: LINK_SENT };
  }

  async verifyEmail(token: string, client: ClientInfo): Promise<{ message: string }> {
    await this.rateLimits.consume(TOKEN_CHECKS_PER_ADDRESS, client.ip);
    const spent = await this.emailTokens.consume(sha256(token), 'verify_email');
    if (!spent) throw new BadRequestException(BAD_LINK);
    await this.users.update(spent.userId, { emailVerifiedAt: new Date() });
    return { message: 'Your e-mail address is confirmed. You can log in.' };
  }

  /**
   * The passport-local check. Every attempt is counted before the password is checked (one
   * atomic statement per counter), per account from this address and per address, and a
   * successful one is given back: of any number of simultaneous guesses at most the limit reach
   * the password check. Past the limit the answer is 429 with Retry-After, whether or not the
   * password is right; the account's owner, from another address, can still log in.
   */
  async validateCredentials(email: string, password: string, client: ClientInfo): Promise<User> {
    const account = email.trim().toLowerCase();
    const accountHere = accountFromSource(account, client.ip);
    await this.rateLimits.consume(LOGIN_FAILURES_PER_ADDRESS, client.ip);
    await this.rateLimits.consume(LOGIN_FAILURES_PER_ACCOUNT, accountHere);
    const user = await this.users.findByEmail(account);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid) throw new UnauthorizedException('The e-mail address or the password is not right.');
    await this.rateLimits.refund(LOGIN_FAILURES_PER_ADDRESS, client.ip);
    await this.rateLimits.reset(LOGIN_FAILURES_PER_ACCOUNT, accountHere);
    if (!user.emailVerifiedAt) {
      throw new ForbiddenException(
        'Confirm your e-mail address first: open the link we sent you, or ask for a new one.',
      );
    }
    return user;
  }

  async login(user: User, client: ClientInfo): Promise<IssuedTokens> {
    const refreshToken = randomToken();
    const refreshExpiresAt = this.sessionExpiry();
    const session = await this.sessions.create(
      {
        userId: user.id,
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
        expiresAt: refreshExpiresAt,
      },
      sha256(refreshToken),
    );
    return { ...this.accessToken(user, session.id), refreshToken, refreshExpiresAt };
  }

  /** Rotates the refresh token. Presenting a spent one revokes its whole family (theft or replay). */
  async refresh(refreshToken: string | undefined): Promise<IssuedTokens> {
    if (!refreshToken) throw new UnauthorizedException('You are not signed in.');
    const next = randomToken();
    const refreshExpiresAt = this.sessionExpiry();
    const result = await this.sessions.rotate(sha256(refreshToken), sha256(next), refreshExpiresAt);
    if (result.outcome === 'reused') {
      await this.sessions.revokeById(result.sessionId, 'refresh_token_reuse');
      this.events.emit('sessions.revoked', { sessionIds: [result.sessionId] });
      throw new UnauthorizedException('This session has been signed out for your safety. Log in again.');
    }
    if (result.outcome !== 'rotated') throw new UnauthorizedException('Your session has ended. Log in again.');
    const user = await this.users.findById(result.session.userId);
    if (!user) throw new UnauthorizedException('Your session has ended. Log in again.');
    return { ...this.accessToken(user, result.session.id), refreshToken: next, refreshExpiresAt };
  }

  async logout(refreshToken: string | undefined, user?: AuthUser): Promise<void> {
    const sessionId =
      user?.sessionId ?? (refreshToken ? await this.sessions.findSessionIdByToken(sha256(refreshToken)) : null);
    if (sessionId) {
      await this.sessions.revokeById(sessionId, 'logout');
      this.events.emit('sessions.revoked', { sessionIds: [sessionId] });
    }
  }

  /**
   * Answers before anything depends on the address: the per-address limit is counted the same
   * for every request, and the lookup, the token and the mail are done after the answer, so an
   * address with an account is answered as fast as one without (the work is tracked, so a
   * drain waits for it).
   */
  async requestPasswordReset(email: string, client: ClientInfo): Promise<{ message: string }> {
    await this.rateLimits.consume(MAIL_REQUESTS_PER_ADDRESS, client.ip);
    this.lifecycle.track(
      new Promise<void>((answered) => setImmediate(answered)).then(() => this.sendPasswordReset(email)),
    );
    return { message: LINK_SENT };
  }

  private async sendPasswordReset(email: string): Promise<void> {
    try {
      const user = await this.users.findByEmail(email);
      if (!user) return;
      await this.rateLimits.consume(MAIL_REQUESTS_PER_ACCOUNT, user.id);
      await this.emailTokens.voidOpen(user.id, 'password_reset');
      await this.sendLink(user, 'password_reset', PASSWORD_RESET_MINUTES);
    } catch (error) {
      // Past the account's limit, nothing is sent (the answer was the same anyway).
      if (error instanceof TooManyRequestsException) return;
      this.logger.error({ msg: 'password reset mail failed', err: String(error) });
    }
  }

  async confirmPasswordReset(token: string, password: string, client: ClientInfo): Promise<{ message: string }> {
    await this.rateLimits.consume(TOKEN_CHECKS_PER_ADDRESS, client.ip);
    const tokenHash = sha256(token);
    const passwordHash = await this.hasher.hash(password);
    const user = await this.users.transaction(async (manager) => {
      const spent = await this.emailTokens.consume(tokenHash, 'password_reset', manager);
      if (!spent) throw new BadRequestException(BAD_LINK);
      const owner = await this.users.findById(spent.userId, manager);
      if (!owner) throw new BadRequestException(BAD_LINK);
      this.assertPasswordAllowed(password, 'password', [owner.email!.split('@')[0], owner.displayName ?? '']);
      // The link proves access to the address, so it is verified too.
      await this.users.update(
        owner.id,
        { passwordHash, passwordChangedAt: new Date(), emailVerifiedAt: owner.emailVerifiedAt ?? new Date() },
        manager,
      );
      await this.mail.enqueue(
        {
          to: owner.email!,
          locale: owner.locale,
          template: 'password_changed',
          params: { name: owner.displayName ?? '' },
          userId: owner.id,
        },
        manager,
      );
      return owner;
    });
    this.events.emit('sessions.revoked', {
      sessionIds: await this.sessions.revokeAllForUser(user.id, 'password_reset'),
    });
    // A new password ends the lockout of the account from every address.
    await this.rateLimits.resetAll(LOGIN_FAILURES_PER_ACCOUNT, accountFromSource(user.email!, ''));
    await this.mail.deliverNow();
    return { message: 'Your password has been changed. Log in with the new one.' };
  }

  async changePassword(
    actor: AuthUser,
    currentPassword: string,
    newPassword: string,
    client: ClientInfo,
  ): Promise<{ message: string }> {
    const user = await this.confirmCurrentPassword(actor, currentPassword, client);
    this.assertPasswordAllowed(newPassword, 'newPassword', [user.email!.split('@')[0], user.displayName ?? '']);
    await this.users.update(user.id, {
      passwordHash: await this.hasher.hash(newPassword),
      passwordChangedAt: new Date(),
    });
    this.events.emit('sessions.revoked', {
      sessionIds: await this.sessions.revokeAllForUser(user.id, 'password_change', actor.sessionId),
    });
    await this.mail.enqueueAndDeliver({
      to: user.email!,
      locale: user.locale,
      template: 'password_changed',
      params: { name: user.displayName ?? '' },
      userId: user.id,
    });
    return { message: 'Your password has been changed and your other sessions signed out.' };
  }

  async requestEmailChange(
    actor: AuthUser,
    currentPassword: string,
    newEmail: string,
    client: ClientInfo,
  ): Promise<{ message: string }> {
    const user = await this.confirmCurrentPassword(actor, currentPassword, client);
    await this.rateLimits.consume(MAIL_REQUESTS_PER_ACCOUNT, user.id);
    if (newEmail === user.email)
      throw new BadRequestException({
        message: 'newEmail is already your address',
        fields: { newEmail: ['newEmail is already your address'] },
      });
    const token = randomToken();
    await this.users.transaction(async (manager) => {
      await this.emailTokens.voidOpen(user.id, 'change_email', manager);
      await this.emailTokens.create(
        {
          userId: user.id,
          purpose: 'change_email',
          tokenHash: sha256(token),
          expiresAt: this.minutesFromNow(VERIFY_EMAIL_HOURS * 60),
          newEmail,
        },
        manager,
      );
      await this.mail.enqueue(
        {
          to: newEmail,
          locale: user.locale,
          template: 'email_change_confirm',
          params: { name: user.displayName ?? '', link: this.link('/confirm-email', token) },
          userId: user.id,
        },
        manager,
      );
      await this.mail.enqueue(
        {
          to: user.email!,
          locale: user.locale,
          template: 'email_change_notice',
          params: { name: user.displayName ?? '', newEmail },
          userId: user.id,
        },
        manager,
      );
    });
    await this.mail.deliverNow();
    return { message: 'We have sent a link to the new address; your address changes when you open it.' };
  }

  async confirmEmailChange(token: string, client: ClientInfo): Promise<{ message: string }> {
    await this.rateLimits.consume(TOKEN_CHECKS_PER_ADDRESS, client.ip);
    const spent = await this.emailTokens.consume(sha256(token), 'change_email');
    if (!spent?.newEmail) throw new BadRequestException(BAD_LINK);
    if (await this.users.findByEmail(spent.newEmail)) {
      throw new BadRequestException('Another account already uses this address.');
    }
    await this.users.update(spent.userId, { email: spent.newEmail, emailVerifiedAt: new Date() });
    return { message: 'Your e-mail address has been changed.' };
  }

  /** Re-authentication for sensitive changes; attempts count as logins do (see validateCredentials). */
  async confirmCurrentPassword(actor: AuthUser, password: string, client: ClientInfo): Promise<User> {
    const user = await this.users.findById(actor.id);
    if (!user) throw new UnauthorizedException('Your session has ended. Log in again.');
    const accountHere = accountFromSource(user.email!, client.ip);
    await this.rateLimits.consume(LOGIN_FAILURES_PER_ADDRESS, client.ip);
    await this.rateLimits.consume(LOGIN_FAILURES_PER_ACCOUNT, accountHere);
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      throw new BadRequestException({
        message: 'currentPassword is not right',
        fields: { currentPassword: ['currentPassword is not right'] },
      });
    }
    await this.rateLimits.refund(LOGIN_FAILURES_PER_ADDRESS, client.ip);
    await this.rateLimits.reset(LOGIN_FAILURES_PER_ACCOUNT, accountHere);
    return user;
  }

  async listSessions(actor: AuthUser) {
    const sessions = await this.sessions.listForUser(actor.id);
    return {
      items: sessions.map((s) => ({
        id: s.id,
        userAgent: s.userAgent,
        ip: s.ip,
        createdAt: s.createdAt.toISOString(),
        lastUsedAt: s.lastUsedAt.toISOString(),
        current: s.id === actor.sessionId,
      })),
    };
  }

  async revokeSession(actor: AuthUser, sessionId: string): Promise<void> {
    if (!(await this.sessions.revoke(sessionId, actor.id, 'revoked_by_user'))) {
      throw new NotFoundException('You have no active session with this id.');
    }
    this.events.emit('sessions.revoked', { sessionIds: [sessionId] });
  }

  private accessToken(user: Pick<User, 'id' | 'role'>, sessionId: string): { accessToken: string; expiresIn: number } {
    const accessToken = this.jwt.sign(
      { sid: sessionId, role: user.role },
      {
        privateKey: this.jwtSecret.key,
        algorithm: JWT_ALGORITHM,
        audience: JWT_AUDIENCE,
        issuer: JWT_ISSUER,
        subject: user.id,
        expiresIn: ACCESS_TOKEN_SECONDS,
      },
    );
    return { accessToken, expiresIn: ACCESS_TOKEN_SECONDS };
  }

  private assertPasswordAllowed(password: string, field: string, context: string[]): void {
    const problem = passwordProblem(password, context);
    if (problem) {
      const message = PASSWORD_MESSAGES[problem].replace(/^password/, field);
      throw new BadRequestException({ message, fields: { [field]: [message] }, code: `password_${problem}` });
    }
  }

  private async sendLink(
    user: User,
    purpose: Extract<EmailTokenPurpose, 'verify_email' | 'password_reset'>,
    minutes: number,
  ): Promise<void> {
    const token = randomToken();
    await this.emailTokens.create({
      userId: user.id,
      purpose,
      tokenHash: sha256(token),
      expiresAt: this.minutesFromNow(minutes),
    });
    const path = purpose === 'verify_email' ? '/verify-email' : '/password-reset';
    await this.mail.enqueueAndDeliver({
      to: user.email!,
      locale: user.locale,
      template: purpose,
      params: { name: user.displayName ?? '', link: this.link(path, token) },
      userId: user.id,
    });
  }

  /** A link to a page of the web client; the token goes in the fragment, which is never sent to a server or logged. */
  link(path: string, token?: string): string {
    return `${this.config.publicUrl}${path}${token ? `#token=${token}` : ''}`;
  }

  private minutesFromNow(minutes: number): Date {
    return new Date(Date.now() + minutes * 60_000);
  }

  private sessionExpiry(): Date {
    return new Date(Date.now() + SESSION_DAYS * 86_400_000);
  }
}
