import {
  CheckStatus,
  statusesWorstFirst,
} from '@internal/plugin-go-scorecard-common';

/**
 * What each check status means, in one sentence a newcomer can act on; the status legend and
 * the icons' tooltips read it from here.
 */
export const statusMeanings: Record<CheckStatus, string> = {
  fail: 'The service breaks the rule: fix it (the finding names the file and line).',
  error:
    'The check could not judge, for example a manifest it could not read: the note says why.',
  warn: 'The service breaks a rule of lesser severity: worth fixing, not urgent.',
  pass: 'The service follows the rule.',
  not_applicable:
    'The rule does not apply to this service, for example no gRPC client: the reason is given.',
};

/** Every status, worst first, as the legend lists them. */
export const legendStatuses: readonly CheckStatus[] = statusesWorstFirst;
