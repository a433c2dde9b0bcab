import {
  CheckDefinition,
  checks as catalog,
} from '@internal/plugin-go-scorecard-common';
import { Check } from './types';
import { goGetInstallCheck } from './go-get-install';
import { goInstallUnpinnedCheck } from './go-install-unpinned';
import { protobufApiv1ConflictCheck } from './protobuf-apiv1-conflict';
import { protobufBadReplaceCheck } from './protobuf-bad-replace';
import { protobufLegacyModuleCheck } from './protobuf-legacy-module';
import { goModUntidyCheck } from './go-mod-untidy';
import { grpcShortTargetCheck } from './grpc-short-target';
import { k8sNdotsCheck } from './k8s-ndots';
import { grpcDeprecatedDialCheck } from './grpc-deprecated-dial';
import { contextCancelDiscardedCheck } from './context-cancel-discarded';
import { contextCancelNotCalledCheck } from './context-cancel-not-called';
import { goleakMissingCheck } from './goleak-missing';
import { shutdownNoSigtermCheck } from './shutdown-no-sigterm';
import { shutdownHttpCloseCheck } from './shutdown-http-close';
import { shutdownGrpcStopCheck } from './shutdown-grpc-stop';
import { shutdownErrserverclosedCheck } from './shutdown-errserverclosed';
import { k8sPrestopCheck } from './k8s-prestop';
import { k8sGracePeriodCheck } from './k8s-grace-period';

/** Every check the analyzer implements, one object each. */
export const allChecks: readonly Check[] = [
  goGetInstallCheck,
  goInstallUnpinnedCheck,
  protobufApiv1ConflictCheck,
  protobufBadReplaceCheck,
  protobufLegacyModuleCheck,
  goModUntidyCheck,
  grpcShortTargetCheck,
  k8sNdotsCheck,
  grpcDeprecatedDialCheck,
  contextCancelDiscardedCheck,
  contextCancelNotCalledCheck,
  goleakMissingCheck,
  shutdownNoSigtermCheck,
  shutdownHttpCloseCheck,
  shutdownGrpcStopCheck,
  shutdownErrserverclosedCheck,
  k8sPrestopCheck,
  k8sGracePeriodCheck,
];

/** A check with its catalog metadata (title, lesson, severity), joined by id. */
export interface RegisteredCheck {
  check: Check;
  definition: CheckDefinition;
}

/**
 * Joins checks with the catalog by id, in catalog order. Throws unless every catalog id has
 * exactly one check and every check id is in the catalog.
 */
export function joinCatalog(
  definitions: readonly CheckDefinition[],
  implemented: readonly Check[],
): RegisteredCheck[] {
  const byId = new Map<string, Check>();
  for (const check of implemented) {
    if (byId.has(check.id))
      throw new Error(`two checks have the id ${check.id}`);
    byId.set(check.id, check);
  }
  const ids = new Set<string>();
  for (const { id } of definitions) {
    if (ids.has(id)) throw new Error(`the catalog lists ${id} twice`);
    ids.add(id);
  }
  const missing = definitions.filter(d => !byId.has(d.id)).map(d => d.id);
  if (missing.length)
    throw new Error(`catalog ids without a check: ${missing.join(', ')}`);
  const unknown = implemented.filter(c => !ids.has(c.id)).map(c => c.id);
  if (unknown.length)
    throw new Error(`checks not in the catalog: ${unknown.join(', ')}`);
  return definitions.map(definition => ({
    check: byId.get(definition.id)!,
    definition,
  }));
}

/** Every check of the catalog with its metadata, in catalog order: what the analyzer runs. */
export const registeredChecks: readonly RegisteredCheck[] = joinCatalog(
  catalog,
  allChecks,
);
