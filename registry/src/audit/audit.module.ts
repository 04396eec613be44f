import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service.js';
import { EventsController } from './events.controller.js';
import { EventsResolver } from './events.resolver.js';
import { RateLimitAudit } from './rate-limit-audit.js';
import { RefusalAudit } from './refusal-audit.js';

@Global()
@Module({
  controllers: [EventsController],
  providers: [AuditService, EventsResolver, RefusalAudit, RateLimitAudit],
  exports: [AuditService, RefusalAudit, RateLimitAudit],
})
export class AuditModule {}
