import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsRowId, Optional } from '../../../common/http/validation';
import { LANGUAGE_CODES } from '../../../common/languages';

/** The payloads of the Q&A's socket events (protocol.ts: qa:join, qa:ask, qa:vote). */
export class QaJoinDto {
  @IsUUID('4', { message: 'sessionId must be a session id' }) sessionId: string;
}

export class QaAskDto extends QaJoinDto {
  @Length(3, 500, { message: 'body must be 3 to 500 characters long' })
  @IsString({ message: 'body must be text' })
  body: string;
  @Optional() @IsBoolean({ message: 'anonymous must be true or false' }) anonymous?: boolean;
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' })
  lang?: string;
}

export class QaVoteDto {
  @Type(() => Number) @IsRowId('questionId must be a question id', 'bigint') questionId: number;
}
