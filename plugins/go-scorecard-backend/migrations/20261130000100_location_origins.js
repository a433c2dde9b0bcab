/*
 * What an entity wrote for its local source and manifests locations (annotation and
 * value), so a refused local read names that and never a resolved server path.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('go_scorecard_entities', table => {
    table
      .text('location_origins')
      .nullable()
      .comment(
        'JSON: {source?, manifests?}, each {annotation, value} as the entity wrote it',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('go_scorecard_entities', table => {
    table.dropColumn('location_origins');
  });
};
