import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PublishController } from './publish.controller.js';
import { PublishPipeline } from './publish.pipeline.js';

/**
 * The publish pipeline. It imports no context: each context provides its own
 * stage (marked with @AsPublishStage) and the pipeline finds them at start-up.
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [PublishController],
  providers: [PublishPipeline],
  exports: [PublishPipeline],
})
export class PublishModule {}
