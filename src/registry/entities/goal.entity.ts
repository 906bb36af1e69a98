import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { GOAL_SCOPES, type GoalScope } from '../registry.constants';
import { ImportTracking } from './import-tracking';

/** One of the city's cooperation goals: 15 thematic and 3 geographic in Kraków's programme. */
@Entity({ name: 'goals' })
export class Goal extends ImportTracking {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('goals_key_unique', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'enum', enum: GOAL_SCOPES, enumName: 'goal_scope' })
  scope: GoalScope;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ name: 'name_pl', type: 'text' })
  namePl: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  /** For geographic goals: the countries they name (ISO codes). */
  @Column({ type: 'text', array: true, default: '{}' })
  countries: string[];
}
