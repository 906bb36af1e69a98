import { Module } from '@nestjs/common';
import { StatisticsModule } from '../statistics/statistics.module';
import { OpenDataController } from './open-data.controller';
import { OpenDataRepository } from './open-data.repository';
import { OpenDataService } from './open-data.service';

@Module({
  imports: [StatisticsModule],
  controllers: [OpenDataController],
  providers: [OpenDataService, OpenDataRepository],
})
export class OpenDataModule {}
