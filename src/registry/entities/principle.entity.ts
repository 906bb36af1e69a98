import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ImportTracking } from './import-tracking';

/** One of the City Council's principles of international cooperation. */
@Entity({ name: 'principles' })
export class Principle extends ImportTracking {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('principles_key_unique', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ name: 'name_pl', type: 'text' })
  namePl: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;
}
