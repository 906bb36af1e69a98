import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RegistrationDto {
  @ApiProperty({ enum: ['confirmed', 'waiting', 'cancelled'] }) status: string;
  @ApiPropertyOptional({ description: 'Place on the waiting list (1 = next)' }) position?: number;
}
