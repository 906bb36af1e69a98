import type { RateLimitRule } from '../common/rate-limit/rate-limit.service';

export const JWT_AUDIENCE = 'cooperation-forum';
export const JWT_ISSUER = 'cooperation-forum';
export const JWT_ALGORITHM = 'HS256';
export const ACCESS_TOKEN_SECONDS = 15 * 60;
/** A session (refresh-token family) lasts 30 days from its last use. */
export const SESSION_DAYS = 30;
export const REFRESH_COOKIE = 'cf_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

export const VERIFY_EMAIL_HOURS = 24;
export const PASSWORD_RESET_MINUTES = 60;
export const INVITATION_DAYS = 7;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * Failed logins, 15-minute windows: per account from one address (the subject is
 * `<account>|<address>`), and per address across accounts. Not per account alone: a stranger
 * guessing an account's password from elsewhere must not lock its owner out (OWASP ASVS 2.2.1).
 */
export const LOGIN_FAILURES_PER_ACCOUNT: RateLimitRule = {
  name: 'login-failures:account-source',
  limit: 5,
  windowSeconds: 15 * 60,
};
export const LOGIN_FAILURES_PER_ADDRESS: RateLimitRule = {
  name: 'login-failures:address',
  limit: 20,
  windowSeconds: 15 * 60,
};
/** The subject of LOGIN_FAILURES_PER_ACCOUNT: the account and the address it is tried from. */
export const accountFromSource = (account: string, ip: string) => `${account}|${ip}`;
/** Requests that send mail or check tokens, per address. */
export const MAIL_REQUESTS_PER_ADDRESS: RateLimitRule = {
  name: 'mail-requests:address',
  limit: 10,
  windowSeconds: 60 * 60,
};
export const MAIL_REQUESTS_PER_ACCOUNT: RateLimitRule = {
  name: 'mail-requests:account',
  limit: 5,
  windowSeconds: 60 * 60,
};
export const TOKEN_CHECKS_PER_ADDRESS: RateLimitRule = {
  name: 'token-checks:address',
  limit: 30,
  windowSeconds: 15 * 60,
};
