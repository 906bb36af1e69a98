import { BadRequestException, Controller, Get, Param, StreamableFile } from '@nestjs/common';
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
import { CatalogueDto, OpenDataFileParamDto } from './dto/open-data.dto';
import { OpenDataService } from './open-data.service';

@ApiTags('open-data')
@Public()
@Controller('api/v1/open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get()
  @ApiOperation({
    summary: 'The catalogue of open datasets (DCAT-AP style): titles, licence, last change, CSV and JSON URLs',
  })
  @ApiOkResponse({ type: CatalogueDto })
  catalogue(): Promise<CatalogueDto> {
    return this.openData.catalogue();
  }

  @Get(':file')
  @ApiProduces('text/csv', 'application/json')
  @ApiOperation({
    summary: 'A dataset as CSV (UTF-8, header row) or as one JSON array of the same rows; both streamed',
  })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The format is neither csv nor json' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No dataset has this key' })
  download(@Param() { file }: OpenDataFileParamDto): StreamableFile {
    const dot = file.lastIndexOf('.');
    const key = file.slice(0, dot);
    const format = file.slice(dot + 1);
    if (format !== 'csv' && format !== 'json')
      throw new BadRequestException({
        message: `The format "${format}" is not offered; ask for ${key}.csv or ${key}.json`,
        fields: { file: ['the format must be csv or json'] },
      });
    return new StreamableFile(this.openData.download(key, format), {
      type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      disposition: `${format === 'csv' ? 'attachment' : 'inline'}; filename="${key}.${format}"`,
    });
  }
}
