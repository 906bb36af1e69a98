import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Channel } from './channel.entity';

/**
 * A message. Ids are allocated while the channel row is locked, so within a channel they grow in
 * commit order: a client that saw id N and asks for "after N" misses nothing.
 */
@Entity({ name: 'messages' })
@Index('messages_channel_id_idx', ['channelId', 'id'])
@Index('messages_idempotency_unique', ['channelId', 'authorId', 'clientId'], { unique: true })
export class Message {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: number;

  @ManyToOne(() => Channel, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'messages_channel_fk' })
  channel: Channel;

  @Column({ name: 'channel_id', type: 'integer' })
  channelId: number;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  /** The sender's id for this message: a retry with the same clientId stores nothing new. */
  @Column({ name: 'client_id', type: 'varchar', length: 64 })
  clientId: string;

  @Column({ type: 'text' })
  body: string;

  /**
   * The language (ISO 639-1) its author says it is in: the web client sends its interface's, so
   * pages can mark it for screen readers. Null when not said.
   */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ name: 'hidden_reason', type: 'text', nullable: true })
  hiddenReason: string | null;

  /** The language (ISO 639-1) the moderator's client said the hide reason is in; null when not said. */
  @Column({ name: 'hidden_reason_language', type: 'varchar', length: 2, nullable: true })
  hiddenReasonLanguage: string | null;
}
