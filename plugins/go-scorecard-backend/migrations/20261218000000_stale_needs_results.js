/*
 * `stale` only where there are results to be stale (issue 13 follow-up).
 *
 * go_scorecard_entities.stale says the last read failed and the results shown are an
 * earlier scan's. A failed scan of an entity never scanned set it too, so the REST API, the
 * report's `stale` filter, the CSV and the report table called such an entity stale, while
 * the card and the MCP actions did not. Scans now set it only when there are results;
 * this clears it on the rows stored before.
 */

const ENTITIES = 'go_scorecard_entities';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex(ENTITIES)
    .whereNull('scanned_at')
    .where('stale', true)
    .update({ stale: false });
};

/**
 * Nothing to undo: the flag said nothing true on those rows.
 */
exports.down = async function down() {};
