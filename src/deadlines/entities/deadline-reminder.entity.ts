import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CityDocument } from '../../registry/entities/city-document.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A reminder of a notice deadline sent to one member of staff. The unique key (document, deadline,
 * recipient) makes it once: the row is inserted in the transaction that queues the mail, so a second
 * run (another day, another instance at the same moment) inserts nothing and queues nothing.
 */
@Entity({ name: 'deadline_reminders' })
@Index('deadline_reminders_once', ['documentId', 'deadlineOn', 'userId'], { unique: true })
export class DeadlineReminder {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'document_id', type: 'integer' })
  documentId: number;

  @ManyToOne(() => CityDocument, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'deadline_reminders_document_fk' })
  document: CityDocument;

  /** The notice deadline reminded of: a renewed agreement's next one is another reminder. */
  @Column({ name: 'deadline_on', type: 'date' })
  deadlineOn: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'deadline_reminders_user_fk' })
  user: User;

  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;
}
