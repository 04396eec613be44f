import type { DiscoveryService } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import type { AuditService } from '../../src/audit/audit.service.js';
import { systemClock } from '../../src/common/clock.js';
import { CpuPool } from '../../src/common/cpu/cpu-pool.js';
import { PublishPipeline } from '../../src/publish/publish.pipeline.js';
import type { PublishStage } from '../../src/publish/publish-stage.js';
import { STAGE_ORDER } from '../../src/publish/stage-results.js';
import { attemptResults } from '../../src/publish/publish-result.js';

/** A pipeline over the given stages, as Nest would find them. */
function pipelineWith(stages: Partial<PublishStage>[]): PublishPipeline {
  const discovery = { getProviders: () => stages.map((instance) => ({ instance })) } as unknown as DiscoveryService;
  return new PublishPipeline({} as DataSource, {} as AuditService, discovery, new CpuPool(), systemClock);
}

describe('publish pipeline wiring', () => {
  it('refuses to start without every stage, naming the missing one', () => {
    const stages = STAGE_ORDER.filter((n) => n !== 'lineage').map((name) => ({ name }));
    expect(() => pipelineWith(stages).onModuleInit()).toThrow('publish stage "lineage" is registered 0 times');
  });

  it('refuses a stage registered twice', () => {
    const stages = [...STAGE_ORDER, 'governance' as const].map((name) => ({ name }));
    expect(() => pipelineWith(stages).onModuleInit()).toThrow('publish stage "governance" is registered 2 times');
  });

  it('starts with each stage once, whatever order the modules registered them in', () => {
    const stages = [...STAGE_ORDER].reverse().map((name) => ({ name }));
    expect(() => pipelineWith(stages).onModuleInit()).not.toThrow();
  });

  it('lets a stage read only the results of stages that ran before it', () => {
    const result = attemptResults({ versions: { existing: [] } });
    expect(result('versions')).toEqual({ existing: [] });
    expect(() => result('governance')).toThrow('publish stage "governance" has not run yet');
  });
});
