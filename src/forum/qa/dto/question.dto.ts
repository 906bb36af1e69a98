import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';
import { Optional } from '../../../common/http/validation';
import { trim } from '../../shared/dto-fields';
import { QUESTION_STATUSES, type QuestionStatus } from '../../shared/forum.constants';

export class QuestionDto {
  @ApiProperty() id: number;
  @ApiProperty() sessionId: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true, example: 'pl', description: 'The language its author said it is in' })
  lang: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null when asked anonymously (staff always see it)' })
  author: string | null;
  @ApiProperty() anonymous: boolean;
  @ApiProperty({ enum: QUESTION_STATUSES }) status: QuestionStatus;
  @ApiProperty() pinned: boolean;
  @ApiProperty() answered: boolean;
  @ApiProperty() votes: number;
  @ApiProperty() createdAt: string;
}

export class QuestionListDto {
  @ApiProperty({ type: [QuestionDto], description: 'Pinned first, then by votes, then oldest' }) items: QuestionDto[];
}

export class QuestionActionDto {
  @ApiProperty({ enum: ['approve', 'pin', 'unpin', 'answered', 'hide'] })
  @IsIn(['approve', 'pin', 'unpin', 'answered', 'hide'], {
    message: 'action must be one of: approve, pin, unpin, answered, hide',
  })
  action: 'approve' | 'pin' | 'unpin' | 'answered' | 'hide';
  @ApiPropertyOptional({ description: 'Required to hide' })
  @Optional()
  @Transform(trim)
  @Length(3, 500)
  @IsString()
  reason?: string;
}
