import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { City } from './city.entity';

/** One field's value before and after a change (null before a record existed). */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/**
 * The history of a partner city and its documents: who changed what, when, the old and new
 * values, and the justification when a programme rule was overridden. Written in the same
 * transaction as the change and its audit-log row.
 */
@Entity({ name: 'registry_changes' })
@Index('registry_changes_city_idx', ['cityId', 'id'])
export class RegistryChange {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @ManyToOne(() => City, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'city_id', foreignKeyConstraintName: 'registry_changes_city_fk' })
  city: City;

  @Column({ name: 'city_id', type: 'integer' })
  cityId: number;

  /** Null for a change of the city itself. */
  @Column({ name: 'document_id', type: 'integer', nullable: true })
  documentId: number | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** city.create, city.update, document.create, document.update. */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: 'jsonb' })
  changes: FieldChanges;

  @Column({ name: 'overridden_rules', type: 'text', array: true, default: '{}' })
  overriddenRules: string[];

  @Column({ type: 'text', nullable: true })
  justification: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
