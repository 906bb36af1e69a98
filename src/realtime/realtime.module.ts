import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ChannelsModule } from '../channels/channels.module';
import { RealtimeGateway } from './realtime.gateway';

@Module({ imports: [AuthModule, ChannelsModule], providers: [RealtimeGateway] })
export class RealtimeModule {}
