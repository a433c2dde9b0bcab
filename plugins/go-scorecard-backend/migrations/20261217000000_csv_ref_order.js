/*
 * The report CSV in ref order without a sort (issue 13, target 4), PostgreSQL only.
 *
 * An index on go_scorecard_entities (entity_ref COLLATE "C"), and the readable refs'
 * entity_ref in "C" (their primary key (set_id, entity_ref) then in that order): the
 * CSV in its default order, by ref in code point order, is a merge join of the two
 * index scans, streamed from its first row. The report compares the readable refs in
 * "C" (`e.entity_ref COLLATE "C" IN (…)`); equality is the same in either collation.
 * SQLite compares in code point order already: nothing to do there.
 */

const ENTITIES = 'go_scorecard_entities';
const READABLE_REFS = 'go_scorecard_readable_refs';
const REF_C_INDEX = 'go_scorecard_entities_ref_c_idx';

/** As src/database/util.ts `isPostgres`. */
function isPostgres(knex) {
  const client = String(knex.client.config.client ?? '');
  return client === 'pg' || client.includes('postgres');
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!isPostgres(knex)) return;
  await knex.raw(
    `CREATE INDEX ${REF_C_INDEX} ON ${ENTITIES} (entity_ref COLLATE "C")`,
  );
  await knex.raw(
    `ALTER TABLE ${READABLE_REFS} ALTER COLUMN entity_ref TYPE varchar(255) COLLATE "C"`,
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (!isPostgres(knex)) return;
  await knex.raw(
    `ALTER TABLE ${READABLE_REFS} ALTER COLUMN entity_ref TYPE varchar(255) COLLATE "default"`,
  );
  await knex.raw(`DROP INDEX ${REF_C_INDEX}`);
};
