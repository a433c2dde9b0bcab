import { components } from './generated/openapi';
import {
  CappedCheckResult,
  CheckSeverity,
  CheckStatus,
  Finding,
  LessonId,
  ScanNote,
} from './types';
import { EntityResult } from './api';

/**
 * The analyzer's own types (types.ts) are also the REST API's: the CLI writes them as
 * JSON and the backend serves them. These compile-time checks fail `yarn tsc` when they
 * drift from the types generated from openapi.yaml, so the spec stays the one source.
 */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B
  ? 1
  : 2
  ? true
  : false;
type Same<A, B> = Equal<A, B> extends true ? true : { differs: [A, B] };
type Schemas = components['schemas'];

/** Plain object copies, so interfaces and type literals compare by shape. */
type Plain<T> = { [K in keyof T]: T[K] };

const checks: [
  Same<CheckStatus, Schemas['CheckStatus']>,
  Same<LessonId, Schemas['LessonId']>,
  Same<CheckSeverity, Schemas['CheckResult']['severity']>,
  Same<Plain<Finding>, Schemas['Finding']>,
  Same<Plain<CappedCheckResult>, Plain<Schemas['CheckResult']> & {}>,
  Same<Plain<ScanNote>, NonNullable<EntityResult['notes']>[number]>,
] = [true, true, true, true, true, true];

describe('wire types', () => {
  it('are the generated ones (checked by tsc)', () => {
    expect(checks.every(c => c === true)).toBe(true);
  });
});
