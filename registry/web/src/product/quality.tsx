import type { QualityRule } from '../api/types';
import { words } from '../ui/common';

function describe(rule: QualityRule): string {
  const parts = [rule.field ?? rule.fields?.join(', ')];
  if (rule.min !== null || rule.max !== null) parts.push(`${rule.min ?? '−∞'} … ${rule.max ?? '∞'}`);
  if (rule.values) parts.push(`one of ${rule.values.map((v) => JSON.stringify(v)).join(', ')}`);
  if (rule.pattern) parts.push(`matches ${rule.pattern}`);
  if (rule.maxAge) parts.push(`newest at most ${rule.maxAge} old`);
  if (rule.ref) parts.push(`exists in ${rule.ref}`);
  return parts.filter(Boolean).join(' · ');
}

export function QualityRules({ rules }: { rules: QualityRule[] }) {
  if (!rules.length) return <p className="muted">No quality rules.</p>;
  return (
    <ul className="quality">
      {rules.map((r, i) => (
        <li key={i}>
          <span className="mono">{r.rule}</span> {describe(r)}
          {r.severity !== 'ERROR' && <span className="badge warn"> {words(r.severity)}</span>}
        </li>
      ))}
    </ul>
  );
}
