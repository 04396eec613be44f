import { Args, Field, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { RequiresRole } from '../common/access.js';
import { JSONScalar } from '../common/graphql/json.scalar.js';
import { encodeCursor } from '../common/pagination.js';
import { AuditService } from './audit.service.js';
import { queryEvents } from './events.query.js';

@InputType({ description: 'Every field narrows; subject ending in * is a prefix.' })
export class EventFilterInput {
  @Field(() => String, { nullable: true }) actor?: string;
  @Field(() => String, { nullable: true }) action?: string;
  @Field(() => String, { nullable: true }) subject?: string;
  @Field(() => String, { nullable: true }) outcome?: string;
  @Field(() => String, { nullable: true }) requestId?: string;
  @Field(() => String, { nullable: true, description: 'ISO-8601, inclusive' }) since?: string;
  @Field(() => String, { nullable: true, description: 'ISO-8601, exclusive' }) until?: string;
}

@ObjectType({ description: 'One audit event: a write, or a refused attempt.' })
export class AuditEvent {
  @Field(() => String) id!: string;
  @Field(() => String) at!: string;
  @Field(() => String) actor!: string;
  @Field(() => String) action!: string;
  @Field(() => String, { description: 'The target.' }) subject!: string;
  @Field(() => String) outcome!: string;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => JSONScalar) detail!: Record<string, unknown>;
}

@ObjectType()
export class AuditEventEdge {
  @Field(() => String) cursor!: string;
  @Field(() => AuditEvent) node!: AuditEvent;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventEdge]) edges!: AuditEventEdge[];
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor?: string;
}

@Resolver()
export class EventsResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, { description: 'The audit, newest first (admin token).' })
  @RequiresRole('admin')
  async events(
    @Args('filter', { type: () => EventFilterInput, nullable: true }) filter?: EventFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
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
