import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Channel } from './channel.entity';

/**
 * Membership of a private channel (the only way in), or following a public one (posting follows
 * it): members and followers are told about new messages while they are away.
 */
@Entity({ name: 'channel_members' })
export class ChannelMember {
  @PrimaryColumn({ name: 'channel_id', type: 'integer' })
  channelId: number;

  @Index('channel_members_user_idx')
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'channel_members_channel_fk' })
  channel: Channel;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
