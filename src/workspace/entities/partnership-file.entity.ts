import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A file shared in a partnership's workspace. The bytes live in the row (bytea): every instance of
 * a multi-instance deployment serves them from the one database, with no shared disk or object store.
 */
@Entity({ name: 'partnership_files' })
@Index('partnership_files_partnership_idx', ['partnershipId', 'createdAt'])
export class PartnershipFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  /** The uploader's file name, shown and offered on download (never used as a path). */
  @Column({ type: 'text' })
  name: string;

  /** From the allow-list, recognised from the content: never the uploader's word. */
  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
