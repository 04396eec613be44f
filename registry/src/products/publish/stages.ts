import { CompatibilityStage } from './compatibility.stage.js';
import { DeclaredLineageStage } from '../../lineage/declared-lineage.stage.js';
import { GovernanceStage } from '../../governance/governance.stage.js';
import { InputsStage } from './inputs.stage.js';
import type { PublishStage } from './publish.types.js';
import { VersionOrderStage } from './version-order.stage.js';

/** The checks of the publish pipeline, in order. Policies and lineage plug in here. */
export const PUBLISH_STAGES: PublishStage[] = [
  new VersionOrderStage(),
  new InputsStage(),
  new CompatibilityStage(),
  new DeclaredLineageStage(),
  new GovernanceStage(),
];
