import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An organisation taking part in a partnership; it is public once every participant agrees. */
@Entity({ name: 'partnership_members' })
export class PartnershipMember {
  @PrimaryColumn({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  @Index('partnership_members_organization_idx')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** The initiative's own organisation leads. */
  @Column({ type: 'boolean', default: false })
  lead: boolean;

  @Column({ name: 'public_consent', type: 'boolean', default: false })
  publicConsent: boolean;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;
}
