import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CHANNEL_KINDS, type ChannelKind } from '../channels.constants';

/** A discussion: one per initiative (public once it is published), or a private channel of its members. */
@Entity({ name: 'channels' })
export class Channel {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'enum', enum: CHANNEL_KINDS, enumName: 'channel_kind' })
  kind: ChannelKind;

  @Index('channels_initiative_unique', { unique: true })
  @Column({ name: 'initiative_id', type: 'uuid', nullable: true })
  initiativeId: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
