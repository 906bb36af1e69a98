import { resolve } from 'node:path';

/** Everything the process reads from its environment, parsed once and validated at start. */
export interface AppConfig {
  port: number;
  host: string;
  /** An external PostgreSQL server; when absent an embedded PostgreSQL is started. */
  databaseUrl?: string;
  /** Where the embedded PostgreSQL keeps its data (git-ignored). */
  dataDir: string;
  /** The reference-data file of the home city: another city loads its own file the same way. */
  referenceDataFile: string;
  /** Static files of the built web client. */
  clientDir: string;
  logLevel: string;
  /** Address of the site in links sent by e-mail. */
  publicUrl: string;
  /** SMTP server (smtp://user:pass@host:port); without it mail goes to the outbox table and the log. */
  smtpUrl?: string;
  mailFrom: string;
  /** How often pending mail (retries) is delivered; 0 turns the timer off (tests deliver explicitly). */
  mailPollSeconds: number;
  /** Secret for signing access tokens; when absent one is generated and kept in the database. */
  jwtSecret?: string;
  /** Set Secure on cookies (default on; browsers accept Secure cookies from http://localhost). */
  secureCookies: boolean;
  /** Redis for several instances (Socket.IO rooms shared through a Redis stream); optional. */
  redisUrl?: string;
  /** The Redis stream that carries Socket.IO packets between instances. */
  redisStream: string;
  /** Browser origins allowed to open a socket: the site's own and ALLOWED_ORIGINS. */
  allowedOrigins: string[];
  /** Background jobs (archiving); off in tests, which run them explicitly. */
  jobsEnabled: boolean;
  /** Distinct reports that hide an item until a moderator decides. */
  reportHideThreshold: number;
  /** The city's time zone: "today" for agreement deadlines is the city's today. */
  timeZone: string;
  /** Staff are e-mailed about a notice deadline this many days before it (once). */
  deadlineReminderDays: number;
  /** On SIGTERM the instance drains, then exits; whatever is still running after this long is cut short. */
  shutdownTimeoutMs: number;
  /** The largest file a partnership's workspace accepts (WORKSPACE_FILE_MAX_MB, 10 by default). */
  workspaceFileMaxBytes: number;
}

function projectRoot(): string {
  // src/config -> project root; dist/src/config -> project root
  const up = __dirname.split(/[\\/]/).includes('dist') ? ['..', '..', '..'] : ['..', '..'];
  return resolve(__dirname, ...up);
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const root = projectRoot();
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  const jwtSecret = env.JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError(
      'JWT_SECRET is too short: use at least 32 random characters (e.g. `openssl rand -base64 48`), or leave it unset to have one generated',
    );
  }
  const shutdownSeconds = env.SHUTDOWN_TIMEOUT_SECONDS === undefined ? 8 : Number(env.SHUTDOWN_TIMEOUT_SECONDS);
  if (!Number.isFinite(shutdownSeconds) || shutdownSeconds <= 0 || shutdownSeconds > 600) {
    throw new ConfigError(
      `SHUTDOWN_TIMEOUT_SECONDS must be a number of seconds above 0 and at most 600, got "${env.SHUTDOWN_TIMEOUT_SECONDS}"`,
    );
  }
  const reminderDays = env.DEADLINE_REMINDER_DAYS === undefined ? 60 : Number(env.DEADLINE_REMINDER_DAYS);
  if (!Number.isInteger(reminderDays) || reminderDays < 1 || reminderDays > 365) {
    throw new ConfigError(
      `DEADLINE_REMINDER_DAYS must be a whole number of days from 1 to 365, got "${env.DEADLINE_REMINDER_DAYS}"`,
    );
  }
  const fileMaxMb = env.WORKSPACE_FILE_MAX_MB === undefined ? 10 : Number(env.WORKSPACE_FILE_MAX_MB);
  if (!Number.isFinite(fileMaxMb) || fileMaxMb <= 0 || fileMaxMb > 100) {
    throw new ConfigError(
      `WORKSPACE_FILE_MAX_MB must be a number of megabytes above 0 and at most 100, got "${env.WORKSPACE_FILE_MAX_MB}"`,
    );
  }
  return {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(root, env.DATA_DIR || '.data'),
    referenceDataFile: resolve(root, env.REFERENCE_DATA || 'data/krakow-cooperation.json'),
    clientDir: resolve(root, env.CLIENT_DIR || 'client/dist'),
    logLevel: env.LOG_LEVEL || 'info',
    timeZone: env.TIME_ZONE || 'Europe/Warsaw',
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Cooperation Forum <no-reply@localhost>',
    mailPollSeconds: env.MAIL_POLL_SECONDS === undefined ? 30 : Number(env.MAIL_POLL_SECONDS),
    jwtSecret,
    secureCookies: env.SECURE_COOKIES !== 'false',
    jobsEnabled: env.JOBS !== 'off',
    redisUrl: env.REDIS_URL || undefined,
    redisStream: env.REDIS_STREAM || 'cooperation-forum:socket.io',
    allowedOrigins: [
      ...new Set([
        new URL(env.PUBLIC_URL || `http://localhost:${port}`).origin,
        `http://localhost:${port}`,
        `http://127.0.0.1:${port}`,
        ...(env.ALLOWED_ORIGINS ?? '')
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      ]),
    ],
    reportHideThreshold: env.REPORT_HIDE_THRESHOLD ? Number(env.REPORT_HIDE_THRESHOLD) : 3,
    shutdownTimeoutMs: shutdownSeconds * 1000,
    deadlineReminderDays: reminderDays,
    workspaceFileMaxBytes: Math.round(fileMaxMb * 1024 * 1024),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
