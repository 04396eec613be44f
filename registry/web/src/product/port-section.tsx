import type { OutputPort } from '../api/types';
import { Link, previewHref } from '../router';
import { Badge, words } from '../ui/common';
import { Consumers } from './consumers';
import { FieldTable } from './field-table';
import { QualityRules } from './quality';
import { SlaSection } from './sla-chart';

/** One output port: where it is, its contract as a field table, SLA, quality rules and who reads it. */
export function PortSection({ productId, port }: { productId: string; port: OutputPort }) {
  const id = `port-${port.name}`;
  return (
    <section className="card port" aria-labelledby={id}>
      <h3 id={id}>
        Port <span className="mono">{port.name}</span>
      </h3>
      <div className="meta">
        <Badge>{words(port.kind)}</Badge>
        <Badge>{port.format}</Badge>
        <Badge>{port.compatibility}</Badge>
        <span className="mono muted">{port.location}</span>
      </div>
      <p>
        <Link href={previewHref(productId, port.name)} className="button">
          Preview a contract change
        </Link>
      </p>
      <h4>Contract</h4>
      <FieldTable schema={port.contract.schema} port={port.name} />
      <SlaSection port={port} />
      <h4>Quality rules</h4>
      <QualityRules rules={port.quality} />
      <h4>Consumers</h4>
      <Consumers port={`${productId}/${port.name}`} />
    </section>
  );
}
