import { InputKind } from '../inputKind';

/**
 * The kinds of file each check reads. When one of them could not be analyzed (a
 * malformed go.mod, a Go file whose parse ran out of time), a check that found nothing
 * reports `error` naming the file instead of a `pass` it cannot vouch for.
 */
export const checkInputs: Readonly<Record<string, readonly InputKind[]>> = {
  'go-get-install': ['ci'],
  'go-install-unpinned': ['ci'],
  'protobuf-apiv1-conflict': ['go.mod', 'go.sum'],
  'protobuf-bad-replace': ['go.mod'],
  'protobuf-legacy-module': ['go.mod', 'go'],
  'go-mod-untidy': ['go.mod', 'go.sum', 'go'],
  'grpc-short-target': ['go', 'manifest', 'config'],
  'k8s-ndots': ['go', 'manifest'],
  'grpc-deprecated-dial': ['go'],
  'context-cancel-discarded': ['go'],
  'context-cancel-not-called': ['go'],
  'goleak-missing': ['go', 'go.mod'],
  'shutdown-no-sigterm': ['go'],
  'shutdown-http-close': ['go'],
  'shutdown-grpc-stop': ['go'],
  'shutdown-errserverclosed': ['go'],
  'k8s-prestop': ['manifest'],
  'k8s-grace-period': ['manifest', 'go'],
};
