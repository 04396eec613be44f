import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DEFAULT_SLA_WINDOW_MS } from '@dmesh/sdk';
import { RequestError } from '../common/registry-error.js';
import { OutputPort } from '../common/graphql/catalog.types.js';
import { loadPortHistory, loadPortStatus } from './sla.loaders.js';
import { toObservation, toSlaStatus } from './sla.mapping.js';
import { HISTORY_LIMIT, SlaService } from './sla.service.js';
import { PortSlaStatus, SlaObservation, SlaStatusValue } from './sla.types.js';

/** `<domain>.<product>/<port>@<version>` → `<domain>.<product>/<port>`: SLA belongs to the port across versions. */
const portId = (p: OutputPort) => p.id.slice(0, p.id.lastIndexOf('@'));

function parseTime(arg: string, text: string | undefined, fallback: Date): Date {
  if (text === undefined || text === null) return fallback;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    throw new RequestError('BAD_REQUEST', `slaHistory(${arg}: "${text}") is not a date-time`, [
      {
        code: 'BAD_ARGUMENT',
        path: arg,
        message: 'not a date-time',
        fix: 'pass an ISO-8601 date-time, e.g. 2026-03-01T00:00:00Z',
      },
    ]);
  }
  return new Date(ms);
}

function checkedLast(last: number | undefined | null): number {
  if (last === undefined || last === null) return HISTORY_LIMIT;
  if (Number.isInteger(last) && last >= 1 && last <= HISTORY_LIMIT) return last;
  throw new RequestError('BAD_REQUEST', `slaHistory(last: ${last}) is out of range`, [
    { code: 'BAD_ARGUMENT', path: 'last', message: `not 1-${HISTORY_LIMIT}`, fix: `pass 1 to ${HISTORY_LIMIT}` },
  ]);
}

@Resolver(() => OutputPort)
export class SlaPortResolver {
  constructor(private readonly sla: SlaService) {}

  @ResolveField(() => PortSlaStatus, {
    description:
      'SLA status computed now from the rolling window (default 7 days); breaches are recorded as events once.',
  })
  async slaStatus(@Parent() port: OutputPort, @Context() ctx: object): Promise<PortSlaStatus> {
    const sla = await loadPortStatus(ctx, this.sla, portId(port));
    const status = toSlaStatus(sla!.evaluation);
    return { ...status, status: status.status as SlaStatusValue };
  }

  @ResolveField(() => [SlaObservation], {
    description:
      'Observations with from <= time < to, oldest first (default: the last 7 days; at most 1000, the newest).',
  })
  async slaHistory(
    @Parent() port: OutputPort,
    @Context() ctx: object,
    @Args('from', {
      type: () => String,
      nullable: true,
      description: 'Start (inclusive), ISO-8601; default: to minus 7 days.',
    })
    from?: string,
    @Args('to', { type: () => String, nullable: true, description: 'End (exclusive), ISO-8601; default: now.' })
    to?: string,
    @Args('last', {
      type: () => Int,
      nullable: true,
      description: 'Only the newest `last` observations of the range (1-1000; default 1000): a chart costs less.',
    })
    last?: number,
  ): Promise<SlaObservation[]> {
    const end = parseTime('to', to, new Date(this.sla.now().getTime() + 1));
    const start = parseTime('from', from, new Date(end.getTime() - DEFAULT_SLA_WINDOW_MS));
    if (start > end)
      throw new RequestError(
        'BAD_REQUEST',
        `slaHistory: from ${start.toISOString()} is after to ${end.toISOString()}`,
        [{ code: 'BAD_ARGUMENT', path: 'from', message: 'from > to', fix: 'swap from and to' }],
      );
    return (await loadPortHistory(ctx, this.sla, portId(port), start, end, checkedLast(last))).map(toObservation);
  }
}
