/**
 * The Go Service Scorecard analyzer: a source tree in, a result for every check of the
 * catalog out. Needs no Backstage at run time.
 *
 * @packageDocumentation
 */
export { Analyzer } from './analyze';
export type { AnalyzerOptions } from './analyze';
export { isAnalyzedPath } from './inputKind';
export { DirectoryTree } from './tree/DirectoryTree';
export { DirectoryFactsCache } from './cache/DirectoryFactsCache';
export type { DirectoryFactsCacheOptions } from './cache/DirectoryFactsCache';
export type { CachedGoFile, GoFactsCache } from './go/extraction/GoFactsCache';
export type { FileDeclarations } from './go/fileDeclarations';
export { MemoryTree } from './tree/MemoryTree';
export type { SourceEntry, SourceTree, TreeProblem } from './tree/SourceTree';
export type { Check, CheckOutcome } from './checks/types';
export type { ServiceProgram } from './program/serviceProgram';
export type { Program, FuncInfo, ResolvedType, Site } from './program/program';
export type { ValueFlow } from './program/valueFlow';
export type { Origin } from './program/origins';
export type { Binary } from './program/binaries';
export type { ModuleIndex, PackageInfo } from './program/moduleIndex';
export type * from './facts';
export { orgPolicyFrom, InvalidOrgPolicyError } from './policy/orgPolicy';
export { readRepositoryPolicy } from './policy/readRepositoryPolicy';
export { POLICY_FILE, defaultOrgPolicy } from './policy/policyTypes';
export type {
  FindingWaiver,
  OrgPolicy,
  RepositoryPolicy,
  RepositoryWaiver,
  CheckSetting,
} from './policy/policyTypes';
