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

/** Every check of the catalog, in catalog order. */
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
