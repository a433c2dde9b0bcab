/*
 * Waived findings (issue 15, "Policy as code").
 *
 * - go_scorecard_check_results.waived_count / waiver_expires: how many of the check's
 *   findings a waiver of `.go-scorecard.yaml` covers (the true number, also when the
 *   stored list is capped: the analyzer's message says it), and the earliest expiry
 *   (YYYY-MM-DD) among the stored waived findings.
 * - go_scorecard_entities.waived_count / waiver_expires: their sum and earliest over the
 *   entity's checks, for the report (its `waived` column and status filter).
 * - go_scorecard_history.waived_count: the scan's waived count, so the trend tells debt
 *   waived from debt fixed; NULL for rows written before and not known since.
 *
 * Backfilled from the stored results with the rule of `waivedOf` (src/database/waived.ts,
 * copied here: a migration keeps the rule of its day); history rows of the entity's
 * current content (scanned at or after its last analysis) get the entity's count.
 */

const ENTITIES = 'go_scorecard_entities';
const RESULTS = 'go_scorecard_check_results';
const HISTORY = 'go_scorecard_history';
const CHUNK = 100;

/** The analyzer's words on a check whose findings are waived. */
const WAIVED_MESSAGE =
  /(?:^|; )(\d[\d,]*) findings? waived in \.go-scorecard\.yaml/;

/** The waived count and earliest listed expiry of a stored result row. */
function waivedOf(row) {
  let findings = [];
  try {
    findings = JSON.parse(row.findings);
  } catch {
    findings = [];
  }
  const waived = findings.filter(f => f && f.waiver);
  let count = waived.length;
  const total = Number(row.finding_count);
  if (total > findings.length) {
    const said = WAIVED_MESSAGE.exec(row.message || '');
    const fromMessage = said ? Number(said[1].replace(/,/g, '')) : 0;
    count = Math.min(total, Math.max(count, fromMessage));
  }
  const expires = waived
    .map(f => f.waiver.expires)
    .filter(e => typeof e === 'string')
    .sort()[0];
  return { waived_count: count, waiver_expires: expires ?? null };
}

/** The next page of result rows after `after`, by (entity_ref, check_id). */
function resultsAfter(knex, after) {
  return knex(RESULTS)
    .select('entity_ref', 'check_id', 'message', 'finding_count', 'findings')
    .where(q =>
      q
        .where('entity_ref', '>', after.entity_ref)
        .orWhere(q2 =>
          q2
            .where('entity_ref', after.entity_ref)
            .andWhere('check_id', '>', after.check_id),
        ),
    )
    .orderBy([
      { column: 'entity_ref', order: 'asc' },
      { column: 'check_id', order: 'asc' },
    ])
    .limit(CHUNK);
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const name of [RESULTS, ENTITIES]) {
    await knex.schema.alterTable(name, table => {
      table
        .integer('waived_count')
        .notNullable()
        .defaultTo(0)
        .comment('Findings covered by a waiver of .go-scorecard.yaml');
      table
        .string('waiver_expires', 10)
        .nullable()
        .comment('Earliest expiry (YYYY-MM-DD) of the waived findings');
      table.index(['waiver_expires'], `${name}_waiver_expires_idx`);
    });
  }
  await knex.schema.alterTable(HISTORY, table => {
    table
      .integer('waived_count')
      .nullable()
      .comment('Waived findings of the scan; null = unknown');
  });

  // Results, in pages by key.
  let after = { entity_ref: '', check_id: '' };
  for (;;) {
    const rows = await resultsAfter(knex, after);
    if (!rows.length) break;
    after = rows[rows.length - 1];
    for (const row of rows) {
      const waived = waivedOf(row);
      if (!waived.waived_count && !waived.waiver_expires) continue;
      await knex(RESULTS)
        .where({ entity_ref: row.entity_ref, check_id: row.check_id })
        .update(waived);
    }
  }

  // Entities: the sum and earliest over their results.
  const ofResults = aggregate =>
    knex(RESULTS)
      .select(knex.raw(aggregate))
      .whereRaw('?? = ??', [`${RESULTS}.entity_ref`, `${ENTITIES}.entity_ref`]);
  await knex(ENTITIES)
    .whereExists(
      knex(RESULTS)
        .select('entity_ref')
        .whereRaw('?? = ??', [
          `${RESULTS}.entity_ref`,
          `${ENTITIES}.entity_ref`,
        ])
        .andWhere('waived_count', '>', 0),
    )
    .update({
      waived_count: ofResults('SUM(waived_count)'),
      waiver_expires: ofResults('MIN(waiver_expires)'),
    });

  // History of the entity's current content carries its count.
  await knex(HISTORY).update({
    waived_count: knex(ENTITIES)
      .select('waived_count')
      .whereRaw('?? = ??', [`${ENTITIES}.entity_ref`, `${HISTORY}.entity_ref`])
      .whereRaw('?? <= ??', [
        `${ENTITIES}.scanned_at`,
        `${HISTORY}.scanned_at`,
      ]),
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable(HISTORY, table => {
    table.dropColumn('waived_count');
  });
  for (const name of [ENTITIES, RESULTS]) {
    await knex.schema.alterTable(name, table => {
      table.dropIndex(['waiver_expires'], `${name}_waiver_expires_idx`);
      table.dropColumn('waiver_expires');
      table.dropColumn('waived_count');
    });
  }
};
