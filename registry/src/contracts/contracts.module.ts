import { Module } from '@nestjs/common';
import { CompatibilityStage } from './compatibility.stage.js';
import { ContractsService } from './contracts.service.js';

/** Contracts own the content-addressed `contracts` table and the publish pipeline's compatibility stage. */
@Module({ providers: [ContractsService, CompatibilityStage], exports: [ContractsService] })
export class ContractsModule {}
