import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

/**
 * A member of staff's deadlines calendar feed: one per person, addressed by a random secret of
 * which only the SHA-256 hash is stored. The secret opens this feed and nothing else (it is not a
 * session or an access token); revoking deletes the row, so the old address answers 404.
 */
@Entity({ name: 'calendar_feeds' })
export class CalendarFeed {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'calendar_feeds_user_fk' })
  user: User;

  /** SHA-256 of the secret, hex (as refresh tokens are kept). */
  @Index('calendar_feeds_secret_hash_unique', { unique: true })
  @Column({ name: 'secret_hash', type: 'char', length: 64 })
  secretHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
