import { Global, Module } from '@nestjs/common';
import { BreachRecorder } from './breach-recorder.js';
import { CLOCK, systemClock } from './clock.js';
import { SlaController } from './sla.controller.js';
import { SlaPortResolver } from './sla.resolver.js';
import { SlaService } from './sla.service.js';

/** SLA observations, status and breaches. Global: the catalog's search filter and product views read SLA status and the clock. */
@Global()
@Module({
  controllers: [SlaController],
  providers: [{ provide: CLOCK, useValue: systemClock }, SlaService, BreachRecorder, SlaPortResolver],
  exports: [CLOCK, SlaService],
})
export class SlaModule {}
