import { Global, Module } from '@nestjs/common';
import { Lifecycle } from './lifecycle';

/** The instance's lifecycle (serving or draining, and its background work), available everywhere. */
@Global()
@Module({ providers: [Lifecycle], exports: [Lifecycle] })
export class LifecycleModule {}
