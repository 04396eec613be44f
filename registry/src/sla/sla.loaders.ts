import DataLoader from 'dataloader';
import { parsePortKeyId } from './operations/port-key.js';
import type { ObservationRow } from './operations/observation-history.js';
import type { PortSla, SlaService } from './sla.service.js';

interface SlaLoaders {
  status: DataLoader<string, PortSla | undefined>;
  history: Map<string, DataLoader<string, ObservationRow[]>>;
}

// Per GraphQL request (the context object lives as long as the request): a list of ports is one query.
const perRequest = new WeakMap<object, SlaLoaders>();

function loadersFor(context: object, sla: SlaService): SlaLoaders {
  let loaders = perRequest.get(context);
  if (!loaders) {
    loaders = {
      status: new DataLoader(async (ids) => {
        const statuses = await sla.statuses(ids.map(parsePortKeyId));
        return ids.map((id) => statuses.get(id));
      }),
      history: new Map(),
    };
    perRequest.set(context, loaders);
  }
  return loaders;
}

export const loadPortStatus = (context: object, sla: SlaService, id: string) =>
  loadersFor(context, sla).status.load(id);

/** History loaders are per range and limit: every port of one query asking for the same ones shares one statement. */
export function loadPortHistory(
  context: object,
  sla: SlaService,
  id: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<ObservationRow[]> {
  const loaders = loadersFor(context, sla);
  const range = `${from.toISOString()}/${to.toISOString()}/${limit}`;
  let loader = loaders.history.get(range);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await sla.history(ids.map(parsePortKeyId), from, to, limit);
      return ids.map((i) => rows.get(i) ?? []);
    });
    loaders.history.set(range, loader);
  }
  return loader.load(id);
}
