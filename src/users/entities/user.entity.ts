import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LOCALES, PLATFORM_ROLES, type Locale, type PlatformRole } from '../users.constants';

/** A person with an account. Erased (not removed) when they delete it, so that their public contributions stay. */
@Entity({ name: 'users' })
// Addresses are stored lower-case, so a plain unique index makes them unique whatever the case.
@Index('users_email_unique', ['email'], { unique: true })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower-case; null once the account is deleted. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  /** Null once the account is deleted ("deleted user" is shown instead). */
  @Column({ name: 'display_name', type: 'varchar', length: 100, nullable: true })
  displayName: string | null;

  @Column({ type: 'enum', enum: LOCALES, enumName: 'locale', default: 'pl' })
  locale: Locale;

  @Column({ type: 'enum', enum: PLATFORM_ROLES, enumName: 'platform_role', default: 'member' })
  role: PlatformRole;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
