import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface SavedFilters {
  q?: string;
  area?: string;
  goal?: string;
  kind?: string;
  city?: string;
  country?: string;
  orgType?: string;
  lang?: string;
}

/** A member's saved search: they are told when a newly published initiative matches it. */
@Entity({ name: 'saved_searches' })
export class SavedSearch {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('saved_searches_user_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'jsonb' })
  filters: SavedFilters;

  /** The filters' words as a prefix tsquery, prepared once (null: no words). */
  @Column({ type: 'text', nullable: true })
  tsquery: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
