/*
 * Non-Go services, per-check history and the CSV's title cell (issue 14).
 *
 * - go_scorecard_entities.go_service: whether the last analysis found Go (false when
 *   every check of the Go code lessons 2 and 4 is not applicable for want of a go.mod or
 *   Go files: `isGoService` of the common package, src/goService.ts). The report leaves
 *   non-Go services out of scores and aggregates. Backfilled from the stored results
 *   with the same rule (copied here: a migration keeps the rule of its day).
 * - go_scorecard_history: the status masks of each day's scan (as the entity row's), so
 *   the trend can be scoped to a lesson or a check like the report. Rows written before
 *   get the entity's masks when they are scans of its current content (at or after its
 *   last analysis), else stay NULL (unknown: a scoped trend leaves them out).
 * - csv_cells: the title cell is the entity's title, or its name without one.
 */

const ENTITIES = 'go_scorecard_entities';
const RESULTS = 'go_scorecard_check_results';
const HISTORY = 'go_scorecard_history';
const MASKS = ['pass_bits', 'warn_bits', 'fail_bits', 'na_bits', 'error_bits'];
const CHUNK = 100;

/** A CSV cell as the report's CSV writes it (src/report/reportCsv.ts, `csvCell`). */
function csvCell(value) {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `isGoService` of the common package (src/goService.ts) over stored result rows. */
function isGoService(rows) {
  const goChecks = rows.filter(
    r => Number(r.lesson) === 2 || Number(r.lesson) === 4,
  );
  if (!goChecks.length) return true;
  return !goChecks.every(
    r =>
      r.status === 'not_applicable' &&
      /no go\.mod|no Go files/i.test(r.message ?? ''),
  );
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(ENTITIES, table => {
    table
      .boolean('go_service')
      .nullable()
      .comment(
        'False when the last analysis found no go.mod and no Go files; null before one',
      );
  });
  await knex.schema.alterTable(HISTORY, table => {
    for (const column of MASKS) {
      table
        .bigInteger(column)
        .nullable()
        .comment('Status mask of the scan (as the entity row); null = unknown');
    }
  });

  let after = '';
  for (;;) {
    const rows = await knex(ENTITIES)
      .select(
        'entity_ref',
        'name',
        'title',
        'owner',
        'system',
        'type',
        'scanned_at',
      )
      .where('entity_ref', '>', after)
      .orderBy('entity_ref')
      .limit(CHUNK);
    if (!rows.length) break;
    after = rows[rows.length - 1].entity_ref;
    const results = await knex(RESULTS)
      .select('entity_ref', 'lesson', 'status', 'message')
      .whereIn(
        'entity_ref',
        rows.map(r => r.entity_ref),
      );
    for (const row of rows) {
      const own = results.filter(r => r.entity_ref === row.entity_ref);
      await knex(ENTITIES)
        .where('entity_ref', row.entity_ref)
        .update({
          go_service:
            row.scanned_at === null || row.scanned_at === undefined
              ? null
              : isGoService(own),
          csv_cells: [
            row.entity_ref,
            row.title ?? row.name,
            row.owner,
            row.system,
            row.type,
          ]
            .map(csvCell)
            .join(','),
        });
    }
  }

  // Scans of the entity's current content carry its current masks.
  const current = column =>
    knex(ENTITIES)
      .select(column)
      .whereRaw('?? = ??', [`${ENTITIES}.entity_ref`, `${HISTORY}.entity_ref`])
      .whereRaw('?? <= ??', [
        `${ENTITIES}.scanned_at`,
        `${HISTORY}.scanned_at`,
      ]);
  await knex(HISTORY).update(
    Object.fromEntries(MASKS.map(column => [column, current(column)])),
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable(HISTORY, table => {
    for (const column of MASKS) table.dropColumn(column);
  });
  await knex.schema.alterTable(ENTITIES, table => {
    table.dropColumn('go_service');
  });
};
