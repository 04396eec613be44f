import { Global, Module } from '@nestjs/common';
import { CpuPool } from './cpu-pool.js';

/** Worker threads for CPU-heavy checks, shared by every context (lineage impact, publish). */
@Global()
@Module({ providers: [CpuPool], exports: [CpuPool] })
export class CpuModule {}
