import { Column } from 'typeorm';

/**
 * Columns that let the reference-data import be idempotent and respectful of staff edits:
 * `sourceHash` is the hash of the source record as last imported (same hash: nothing to do), and
 * `editedAt` is set when city staff change the record, after which the import leaves it alone.
 */
export abstract class ImportTracking {
  @Column({ name: 'source_hash', type: 'varchar', length: 64, nullable: true })
  sourceHash: string | null;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;
}
