/*
 * Scan-now cooldown: when an entity was last scanned on request (epoch milliseconds), so
 * a caller cannot make one entity scan back to back (goScorecard.schedule.scanNowCooldown).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('go_scorecard_entities', table => {
    table
      .bigInteger('scan_requested_at')
      .nullable()
      .comment('Last scan-now request that was accepted');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('go_scorecard_entities', table => {
    table.dropColumn('scan_requested_at');
  });
};
