import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { STAFF_GRANTS, type StaffGrant } from '../staff-roles.constants';

export class StaffGrantParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be the id of an account' })
  userId: string;

  @ApiProperty({ enum: STAFF_GRANTS, enumName: 'StaffGrant' })
  @IsIn(STAFF_GRANTS, { message: `grant must be one of: ${STAFF_GRANTS.join(', ')}` })
  grant: StaffGrant;
}

export class StaffMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['moderator', 'admin'] }) role: 'moderator' | 'admin';
  @ApiProperty({ enum: STAFF_GRANTS, enumName: 'StaffGrant', isArray: true }) grants: StaffGrant[];
}

export class StaffListDto {
  @ApiProperty({ type: [StaffMemberDto] }) items: StaffMemberDto[];
  @ApiProperty() total: number;
}
