import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DELIVERIES, NOTIFICATION_KINDS, type Delivery, type NotificationKind } from '../notifications.constants';

/** A person's choice of delivery for one kind of notification (absent: the default). */
@Entity({ name: 'notification_preferences' })
export class NotificationPreference {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'enum', enum: NOTIFICATION_KINDS, enumName: 'notification_kind' })
  kind: NotificationKind;

  @Column({ type: 'enum', enum: DELIVERIES, enumName: 'notification_delivery' })
  delivery: Delivery;
}
