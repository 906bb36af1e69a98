import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The key that signs access tokens: JWT_SECRET when set, otherwise one generated on first start
 * and kept in the database, so that every instance signs and checks with the same key and no
 * secret is ever in the repository.
 */
@Injectable()
export class JwtSecretProvider implements OnModuleInit {
  private value?: string;
  private keyObject?: KeyObject;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.jwtSecret) {
      this.value = this.config.jwtSecret;
      return;
    }
    if (!this.dataSource.isInitialized) return; // built without a database (OpenAPI export)
    await this.dataSource.query(
      `INSERT INTO instance_secrets (name, value) VALUES ('jwt', $1) ON CONFLICT (name) DO NOTHING`,
      [randomBytes(48).toString('base64url')],
    );
    const [row] = await this.dataSource.query<{ value: string }[]>(
      `SELECT value FROM instance_secrets WHERE name = 'jwt'`,
    );
    this.value = row.value;
  }

  /**
   * The key as jsonwebtoken takes it without work: given a string, it first tries to read it as a
   * PEM key and fails (about 0.34 ms of CPU for every token signed or checked, against 7 µs).
   * The same bytes as the string: tokens signed either way check either way.
   */
  get key(): KeyObject {
    if (!this.value) throw new Error('the signing key is not loaded');
    return (this.keyObject ??= createSecretKey(Buffer.from(this.value, 'utf8')));
  }

  /**
   * The same key, for the libraries that type it as a string or Buffer (@nestjs/jwt's verify
   * options, passport-jwt) but hand it to jsonwebtoken as it is, which takes a KeyObject.
   */
  get keyForJsonwebtoken(): Buffer {
    return this.key as unknown as Buffer;
  }
}
