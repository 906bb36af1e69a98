import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class OpenDataFileParamDto {
  @ApiProperty({ example: 'partner-cities.csv', description: 'A dataset key and the format: .csv or .json' })
  @Matches(/^[a-z0-9-]{1,64}\.[A-Za-z0-9]{1,10}$/, {
    message: 'file must be a dataset key and a format, such as partner-cities.csv or partner-cities.json',
  })
  file: string;
}

export class TextPlEnDto {
  @ApiProperty() pl: string;
  @ApiProperty() en: string;
}

export class LicenseDto {
  @ApiProperty({ example: 'CC BY 4.0' }) name: string;
  @ApiProperty({ example: 'https://creativecommons.org/licenses/by/4.0/' }) url: string;
}

export class PublisherDto {
  @ApiProperty({ type: TextPlEnDto }) name: TextPlEnDto;
  @ApiProperty() homepage: string;
}

export class DistributionDto {
  @ApiProperty({ enum: ['CSV', 'JSON'] }) format: 'CSV' | 'JSON';
  @ApiProperty({ example: 'text/csv' }) mediaType: string;
  @ApiProperty() downloadURL: string;
}

export class DatasetDto {
  @ApiProperty({ example: 'partner-cities' }) key: string;
  @ApiProperty({ type: TextPlEnDto }) title: TextPlEnDto;
  @ApiProperty({ type: TextPlEnDto }) description: TextPlEnDto;
  @ApiProperty({ description: 'The URL of the licence' }) license: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The newest change the data records (ISO 8601); null when the data records none',
  })
  modified: string | null;
  @ApiProperty({ type: [String], description: 'The columns of the CSV and the fields of each JSON row, in order' })
  columns: string[];
  @ApiProperty({ type: [DistributionDto] }) distributions: DistributionDto[];
}

/** The catalogue, shaped after DCAT-AP: a catalogue with datasets, each with its distributions. */
export class CatalogueDto {
  @ApiProperty({ type: TextPlEnDto }) title: TextPlEnDto;
  @ApiProperty({ type: TextPlEnDto }) description: TextPlEnDto;
  @ApiProperty({ type: PublisherDto }) publisher: PublisherDto;
  @ApiProperty({ type: LicenseDto }) license: LicenseDto;
  @ApiProperty({ type: String, nullable: true }) modified: string | null;
  @ApiProperty({ type: [DatasetDto] }) datasets: DatasetDto[];
}
