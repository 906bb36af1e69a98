import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Every error the API returns has this shape. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({
    example: 'relationship must be one of: twin, honorary_twin, partner, informal',
    description: 'What went wrong, for a person',
  })
  message: string;
  @ApiPropertyOptional({
    description: 'Validation messages by field or parameter',
    example: { relationship: ['relationship must be one of: twin, honorary_twin, partner, informal'] },
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  })
  fields?: Record<string, string[]>;
  @ApiPropertyOptional({
    description: 'A stable code for some errors (password_too_short, password_common...), for translation',
  })
  code?: string;
  @ApiPropertyOptional({
    description: 'The programme rules a registry write would break (code programme_rule)',
    type: 'array',
    items: {
      type: 'object',
      properties: { name: { type: 'string' }, pl: { type: 'string' }, en: { type: 'string' } },
      required: ['name', 'pl', 'en'],
    },
  })
  rules?: { name: string; pl: string; en: string }[];
  @ApiPropertyOptional({
    description: 'The rows of a CSV import that cannot be stored (code rows_rejected): nothing was imported',
    type: 'array',
    items: {
      type: 'object',
      properties: { line: { type: 'integer' }, errors: { type: 'array', items: { type: 'string' } } },
      required: ['line', 'errors'],
    },
  })
  rejected?: { line: number; errors: string[] }[];
  @ApiPropertyOptional({ description: 'Id of the request, also in the x-request-id header and the log' })
  requestId?: string;
}
