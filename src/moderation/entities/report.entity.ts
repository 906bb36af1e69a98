import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  REPORT_REASONS,
  REPORT_TARGETS,
  type ReportReason,
  type ReportTarget,
} from '../../initiatives/initiatives.constants';

/** A flag raised by a signed-in user on an initiative, an organisation or a message; one per user and item. */
@Entity({ name: 'reports' })
@Index('reports_one_per_user', ['targetType', 'targetId', 'reporterId'], { unique: true })
@Index('reports_open_idx', ['createdAt'], { where: 'resolved_at IS NULL' })
export class Report {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ name: 'target_type', type: 'enum', enum: REPORT_TARGETS, enumName: 'report_target' })
  targetType: ReportTarget;

  @Column({ name: 'target_id', type: 'varchar', length: 64 })
  targetId: string;

  @Column({ name: 'reporter_id', type: 'uuid' })
  reporterId: string;

  @Column({ type: 'enum', enum: REPORT_REASONS, enumName: 'report_reason' })
  reason: ReportReason;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Set when a moderator decides (hide or restore); the reports are then closed. */
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;
}
