/*
 * Team hierarchy and impact (issue 16, items 3 and 4).
 *
 * - go_scorecard_group_descendants: one row per Group entity and every group below it
 *   (catalog `parentOf` / `childOf`, cycles cut), lowercased refs as the report's owner
 *   keys. Rewritten whole by each catalog sync; the report's owner filter matches an
 *   entity owned by a chosen group or by any of its descendants (the primary key
 *   starts with the ancestor: an index lookup).
 * - go_scorecard_entities.impact: how many catalog entities depend on the entity (its
 *   `dependencyOf` relations, and the consumers of the APIs it provides; distinct, not
 *   itself), written by the catalog sync; 0 until the next sync.
 */

const ENTITIES = 'go_scorecard_entities';
const DESCENDANTS = 'go_scorecard_group_descendants';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(ENTITIES, table => {
    table
      .integer('impact')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Catalog entities that depend on this one (dependsOn, consumesApi)',
      );
  });
  await knex.schema.createTable(DESCENDANTS, table => {
    table.comment('Group hierarchy: every group below each group');
    table
      .string('ancestor_ref', 255)
      .notNullable()
      .comment('Lowercased ref of a group with sub-groups');
    table
      .string('descendant_ref', 255)
      .notNullable()
      .comment('Lowercased ref of a group anywhere below it');
    table.primary(['ancestor_ref', 'descendant_ref']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable(DESCENDANTS);
  await knex.schema.alterTable(ENTITIES, table => {
    table.dropColumn('impact');
  });
};
