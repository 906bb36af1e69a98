import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The vocabulary of organisation types (ngo, school, chamber...), from the reference data. */
@Entity({ name: 'organization_types' })
export class OrganizationType {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'smallint' })
  position: number;
}
