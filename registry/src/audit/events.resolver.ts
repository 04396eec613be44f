import { Args, Field, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { RequiresRole } from '../common/access.js';
import { JSONScalar } from '../common/graphql/json.scalar.js';
import { encodeCursor } from '../common/pagination.js';
import { AuditService } from './audit.service.js';
import { queryEvents } from './events.query.js';

@InputType({ description: 'Every field narrows; subject ending in * is a prefix.' })
export class EventFilterInput {
  @Field(() => String, { nullable: true, description: 'Token name, or `anonymous <address>`.' }) actor?: string;
  @Field(() => String, { nullable: true, description: 'E.g. publish, sla.observation, rate-limited.' })
  action?: string;
  @Field(() => String, { nullable: true, description: 'The target; ending in * is a prefix.' }) subject?: string;
  @Field(() => String, { nullable: true, description: 'accepted or refused.' }) outcome?: string;
  @Field(() => String, { nullable: true, description: 'The request id the event was recorded in.' })
  requestId?: string;
  @Field(() => String, { nullable: true, description: 'ISO-8601, inclusive' }) since?: string;
  @Field(() => String, { nullable: true, description: 'ISO-8601, exclusive' }) until?: string;
}

@ObjectType({ description: 'One audit event: a write, or a refused attempt.' })
export class AuditEvent {
  @Field(() => String, { description: 'Its position in the audit.' }) id!: string;
  @Field(() => String, { description: 'When, ISO-8601.' }) at!: string;
  @Field(() => String, { description: 'Token name, or `anonymous <address>`.' }) actor!: string;
  @Field(() => String, { description: 'What was done or attempted.' }) action!: string;
  @Field(() => String, { description: 'The target.' }) subject!: string;
  @Field(() => String, { description: 'accepted or refused.' }) outcome!: string;
  @Field(() => String, { nullable: true, description: 'The request it was recorded in.' }) requestId!: string | null;
  @Field(() => JSONScalar, { description: 'What the action recorded (ids, counts, the refusal).' })
  detail!: Record<string, unknown>;
}

@ObjectType({ description: 'An audit event with its cursor.' })
export class AuditEventEdge {
  @Field(() => String, { description: 'Pass as `after` for the events after it.' }) cursor!: string;
  @Field(() => AuditEvent, { description: 'The event.' }) node!: AuditEvent;
}

@ObjectType({ description: 'A page of the audit, newest first.' })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge], { description: 'The events of the page.' }) edges!: AuditEventEdge[];
  @Field(() => Boolean, { description: 'Whether older events follow.' }) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the last event of the page.' }) endCursor?: string;
}

@Resolver()
export class EventsResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, { description: 'The audit, newest first (admin token).' })
  @RequiresRole('admin')
  async events(
    @Args('filter', { type: () => EventFilterInput, nullable: true, description: 'Every field given narrows.' })
    filter?: EventFilterInput,
    @Args('first', { type: () => Int, nullable: true, description: '1 to 100 (default 50).' }) first?: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page.' })
    after?: string,
  ): Promise<AuditEventConnection> {
    const given = Object.fromEntries(Object.entries(filter ?? {}).filter(([, v]) => v !== null && v !== undefined));
    const page = await queryEvents(this.audit, given, first ?? undefined, after ?? undefined);
    return {
      edges: page.events.map((node) => ({ node, cursor: encodeCursor('event', node.id) })),
      hasNextPage: page.hasNextPage,
      ...(page.endCursor && { endCursor: page.endCursor }),
    };
  }
}
