import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  checks,
  getCheck,
  getLesson,
} from '@internal/plugin-go-scorecard-common';
import { readFixSection } from './fixPages';
import { PortalLinks } from './portalLinks';

/**
 * Registers `go-scorecard:explain-check`: a check of the catalog by id, with its lesson,
 * when it fails, and its fix page (link and the page's section as markdown). Reads no
 * entity data, so it needs no permission beyond an authenticated caller.
 */
export function registerExplainCheckAction(options: {
  actionsRegistry: ActionsRegistryService;
  links: PortalLinks;
}): void {
  const { actionsRegistry, links } = options;
  actionsRegistry.register({
    name: 'explain-check',
    title: 'Explain a Go scorecard check',
    description: `Explains one check of the Go Service Scorecard: what it looks for, why it matters (its lesson), its severity, and how to fix it (a link to the portal's fix page and that page's text as markdown). Check ids: ${checks
      .map(c => c.id)
      .join(', ')}.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          checkId: z
            .string()
            .describe('The check id, e.g. "context-cancel-discarded"'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          title: z.string(),
          severity: z
            .enum(['error', 'warning', 'info'])
            .describe('A failing `error` check reports fail; others warn'),
          description: z.string().describe('When the check fails'),
          lesson: z.object({
            id: z.number(),
            slug: z.string(),
            title: z.string(),
            summary: z.string(),
          }),
          fixUrl: z.string().describe("The check's fix page in the portal"),
          fixPage: z
            .string()
            .optional()
            .describe("The fix page's section for this check, markdown"),
        }),
    },
    action: async ({ input }) => {
      const check = getCheck(input.checkId.trim());
      if (!check) {
        throw new InputError(
          `Unknown check '${input.checkId}'; known checks: ${checks
            .map(c => c.id)
            .join(', ')}`,
        );
      }
      const lesson = getLesson(check.lesson)!;
      return {
        output: {
          id: check.id,
          title: check.title,
          severity: check.severity,
          description: check.description,
          lesson: {
            id: lesson.id,
            slug: lesson.slug,
            title: lesson.title,
            summary: lesson.summary,
          },
          fixUrl: links.fix(check),
          fixPage: await readFixSection(check),
        },
      };
    },
  });
}
