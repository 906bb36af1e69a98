import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TASK_KINDS, TASK_STATES, type TaskKind, type TaskState } from '../workspace.constants';

/** A task or milestone of a partnership, with its owner (a member of a participating organisation). */
@Entity({ name: 'partnership_tasks' })
@Index('partnership_tasks_partnership_idx', ['partnershipId', 'dueDate'])
export class PartnershipTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  @Column({ type: 'enum', enum: TASK_KINDS, enumName: 'partnership_task_kind', default: 'task' })
  kind: TaskKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  /** A calendar date (YYYY-MM-DD): the partnership's calendar shows it as an all-day event. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'enum', enum: TASK_STATES, enumName: 'partnership_task_state', default: 'open' })
  state: TaskState;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
