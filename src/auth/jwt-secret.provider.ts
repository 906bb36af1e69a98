import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The key that signs access tokens: JWT_SECRET when set, otherwise one generated on first start
 * and kept in the database, so that every instance signs and checks with the same key and no
 * secret is ever in the repository.
 */
@Injectable()
export class JwtSecretProvider implements OnModuleInit {
  private value?: string;

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

  get secret(): string {
    if (!this.value) throw new Error('the signing key is not loaded');
    return this.value;
  }
}
