/*
 * Where a regression is (issue 16 follow-up): go_scorecard_status_changes.finding, the
 * first finding a waiver does not cover in the check's new result, as `path:line`, so the
 * owner's digest names the file to open. Changes recorded before stay NULL: their digest
 * lines name the service and check as before.
 */

const STATUS_CHANGES = 'go_scorecard_status_changes';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(STATUS_CHANGES, table => {
    table
      .text('finding')
      .nullable()
      .comment("The new result's first finding no waiver covers, path:line");
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable(STATUS_CHANGES, table => {
    table.dropColumn('finding');
  });
};
