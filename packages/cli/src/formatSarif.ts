import { resolve } from 'node:path';
import {
  CheckSeverity,
  FindingWaiver,
  ScanReport,
  checks as catalog,
  parseWaiverSource,
  splitNoteLine,
} from '@internal/plugin-go-scorecard-common';
import { fixLink } from './docLinks';

const levels: Record<CheckSeverity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * SARIF 2.1.0: one run, one rule per check id of the catalog, one result per finding.
 * Checks that could not analyze, and skipped files, become tool notifications, as do the
 * notes on `.go-scorecard.yaml` (at their line). A waived finding is a result with
 * `suppressions`: kind `inSource`, its reason as justification, located at the waiver's
 * line of `.go-scorecard.yaml`, its last day in `properties.expires`.
 */
export function formatSarif(
  report: ScanReport,
  options: {
    docsUrl?: string;
    version: string;
    /** The scanned folder, absolute (`SRCROOT`); default `report.root` resolved against the working folder. */
    rootDir?: string;
  },
): object {
  const ruleIndex = new Map(catalog.map((c, i) => [c.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'go-scorecard',
            version: options.version,
            rules: catalog.map(c => ({
              id: c.id,
              name: c.title,
              shortDescription: { text: c.title },
              fullDescription: { text: c.description },
              helpUri: fixLink(c.id, options.docsUrl),
              defaultConfiguration: { level: levels[c.severity] },
              properties: { lesson: c.lesson, tags: [`lesson-${c.lesson}`] },
            })),
          },
        },
        originalUriBaseIds: {
          SRCROOT: { uri: toDirUri(options.rootDir ?? report.root) },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...report.checks
                .filter(c => c.status === 'error')
                .map(c => ({
                  level: 'error',
                  message: { text: c.message ?? 'could not analyze' },
                  associatedRule: { id: c.id, index: ruleIndex.get(c.id) },
                })),
              ...(report.notes ?? []).map(n => {
                // Policy notes start with the line of .go-scorecard.yaml they are about.
                const { line } = splitNoteLine(n);
                return {
                  level: 'note',
                  message: { text: n.message },
                  locations: [
                    {
                      physicalLocation: {
                        artifactLocation: { uri: n.path, uriBaseId: 'SRCROOT' },
                        ...(line ? { region: { startLine: line } } : {}),
                      },
                    },
                  ],
                };
              }),
            ],
          },
        ],
        results: report.checks.flatMap(c =>
          c.findings.map(f => ({
            ruleId: c.id,
            ruleIndex: ruleIndex.get(c.id),
            level: levels[c.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: f.path, uriBaseId: 'SRCROOT' },
                  region: { startLine: f.line, snippet: { text: f.snippet } },
                },
              },
            ],
            ...(f.waiver ? { suppressions: [suppression(f.waiver)] } : {}),
          })),
        ),
      },
    ],
  };
}

/** A waiver as a SARIF suppression, located at its line of `.go-scorecard.yaml`. */
function suppression(waiver: FindingWaiver): object {
  const at = parseWaiverSource(waiver.source);
  return {
    kind: 'inSource',
    justification: waiver.reason,
    location: {
      physicalLocation: {
        artifactLocation: {
          uri: at?.path ?? waiver.source,
          uriBaseId: 'SRCROOT',
        },
        ...(at && at.line > 0 ? { region: { startLine: at.line } } : {}),
      },
    },
    properties: { expires: waiver.expires },
  };
}

function toDirUri(dir: string): string {
  const abs = resolve(dir);
  return `file://${encodeURI(abs.endsWith('/') ? abs : `${abs}/`)}`;
}
