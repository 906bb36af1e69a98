import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Secrets the app generates for itself when none is configured (the access-token signing key),
 * kept in the database so that every instance uses the same one. JWT_SECRET overrides it.
 */
@Entity({ name: 'instance_secrets' })
export class InstanceSecret {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'text' })
  value: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
