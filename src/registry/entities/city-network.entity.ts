import { Column, Entity, Index, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { City } from './city.entity';
import { ImportTracking } from './import-tracking';

/** An international network of cities the home city belongs to (EUROCITIES, the Hanse...). */
@Entity({ name: 'city_networks' })
export class CityNetwork extends ImportTracking {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('city_networks_key_unique', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'name_pl', type: 'varchar', length: 200 })
  namePl: string;

  /** Year the home city joined. */
  @Column({ name: 'joined_year', type: 'smallint', nullable: true })
  joinedYear: number | null;

  /** The city department that coordinates the membership. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  coordinator: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  facts: string[];

  @Column({ type: 'smallint', default: 0 })
  position: number;

  @ManyToMany(() => City, (city) => city.networks)
  members: City[];
}
