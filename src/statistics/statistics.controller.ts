import { BadRequestException, Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../auth/auth-user';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { StatisticDto, StatisticFileParamDto, StatisticListDto, StatisticQueryDto } from './dto/statistics.dto';
import { STATISTIC_FORMATS, type StatisticFormat } from './statistics.definitions';
import { StatisticsService } from './statistics.service';

@ApiTags('statistics')
@Public()
@Controller('api/v1/statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  @ApiOperation({ summary: 'The statistics offered, with their titles and what each counts (Polish and English)' })
  @ApiOkResponse({ type: StatisticListDto })
  list(): StatisticListDto {
    return this.statistics.list();
  }

  @Get(':file')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'A statistic computed from the live data: JSON (key or key.json) or CSV (key.csv or ?format=csv, UTF-8, header row), the same rows',
  })
  @ApiOkResponse({ type: StatisticDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'An unknown format, or a period not offered' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No statistic has this key' })
  async get(
    @Param() { file }: StatisticFileParamDto,
    @Query() { period, format: asked }: StatisticQueryDto,
  ): Promise<StatisticDto | StreamableFile> {
    const { key, format } = parseFile(file, asked);
    const statistic = await this.statistics.get(key, period);
    if (format === 'json') return statistic;
    return new StreamableFile(this.statistics.csv(statistic), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${key}${statistic.period ? `-${statistic.period}` : ''}.csv"`,
    });
  }
}

/** "initiatives-by-area.csv" → the key and the format; the extension and ?format must agree. */
function parseFile(file: string, asked: StatisticFormat | undefined): { key: string; format: StatisticFormat } {
  const dot = file.lastIndexOf('.');
  const key = dot < 0 ? file : file.slice(0, dot);
  const extension = dot < 0 ? undefined : file.slice(dot + 1);
  if (extension !== undefined && !(STATISTIC_FORMATS as readonly string[]).includes(extension))
    throw new BadRequestException({
      message: `The format "${extension}" is not offered; ask for ${key}.csv or ${key}.json`,
      fields: { file: ['the format must be csv or json'] },
    });
  if (extension && asked && extension !== asked)
    throw new BadRequestException({
      message: `The address asks for ${extension} and format for ${asked}: ask for one`,
      fields: { format: [`format must agree with .${extension}, or be left out`] },
    });
  return { key, format: (extension as StatisticFormat | undefined) ?? asked ?? 'json' };
}
