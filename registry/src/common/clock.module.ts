import { Global, Module } from '@nestjs/common';
import { CLOCK, systemClock } from './clock.js';

/** The registry's clock (SLA status, waivers, lifecycle, publish time); tests override CLOCK. */
@Global()
@Module({ providers: [{ provide: CLOCK, useValue: systemClock }], exports: [CLOCK] })
export class ClockModule {}
