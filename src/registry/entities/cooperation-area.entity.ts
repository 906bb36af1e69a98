import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The vocabulary of cooperation areas (culture, education...), from the reference data. */
@Entity({ name: 'cooperation_areas' })
export class CooperationArea {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'smallint' })
  position: number;
}
