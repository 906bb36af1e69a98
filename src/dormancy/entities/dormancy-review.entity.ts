import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { City } from '../../registry/entities/city.entity';
import { DORMANCY_DECISIONS, type DormancyDecision } from '../dormancy.constants';

/**
 * Staff's decisions on a city flagged as possibly dormant, with the evidence they saw: the latest
 * is the current one. Written in the same transaction as its effect (the status, the boost) and the
 * audit-log row.
 */
@Entity({ name: 'dormancy_reviews' })
@Index('dormancy_reviews_city_idx', ['cityId', 'id'])
export class DormancyReview {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @ManyToOne(() => City, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'city_id', foreignKeyConstraintName: 'dormancy_reviews_city_fk' })
  city: City;

  @Column({ name: 'city_id', type: 'integer' })
  cityId: number;

  @Column({ type: 'enum', enum: DORMANCY_DECISIONS, enumName: 'dormancy_decision' })
  decision: DormancyDecision;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reason: string | null;

  /** The matching boost set by a revival. */
  @Column({ type: 'smallint', nullable: true })
  boost: number | null;

  /** The counts of activity the decision was made on. */
  @Column({ type: 'jsonb', default: {} })
  evidence: Record<string, number>;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
