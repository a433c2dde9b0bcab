/*
 * The report CSV's state cells, stored (issue 13, target 4).
 *
 * go_scorecard_entities.csv_state / csv_state_key: the CSV's cells from score to waived
 * over every check, written by each analysis with the status masks, and the check
 * catalog and format they were written for (src/database/csvState.ts); csv_state_at:
 * the scanned_at they were written for, so an analysis written without them (a replica
 * of an earlier version, during an upgrade) leaves them unused. Rows stored before stay
 * NULL: the CSV computes their cells from the masks, as before, and the next scan of
 * the entity (analyzed or unchanged) writes them. A migration cannot write them: the
 * cells follow the check catalog of the running code.
 */

const ENTITIES = 'go_scorecard_entities';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(ENTITIES, table => {
    table
      .text('csv_state')
      .nullable()
      .comment("The report CSV's cells from score to waived over every check");
    table
      .string('csv_state_key', 64)
      .nullable()
      .comment('The check catalog and format csv_state was written for');
    table
      .bigInteger('csv_state_at')
      .nullable()
      .comment('The scanned_at csv_state was written for');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable(ENTITIES, table => {
    table.dropColumn('csv_state');
    table.dropColumn('csv_state_key');
    table.dropColumn('csv_state_at');
  });
};
