/*
 * Go Service Scorecard: scan state and summary per entity, latest result per entity and
 * check, and a history row per completed scan. Times are epoch milliseconds.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('go_scorecard_entities', table => {
    table.comment(
      'One row per selected catalog entity: scan state and latest summary',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('Lowercased entity ref');
    table.string('kind', 255).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable();
    table.text('title').nullable();
    table.string('type', 255).nullable();
    table.string('owner', 255).nullable().comment('Owner entity ref');
    table.string('system', 255).nullable().comment('System entity ref');
    table
      .text('source')
      .nullable()
      .comment('Resolved source location, type:target');
    table
      .text('manifests')
      .nullable()
      .comment('Resolved manifests location, type:target');
    table
      .text('source_error')
      .nullable()
      .comment('Why the source location could not be resolved');
    table
      .bigInteger('seen_at')
      .notNullable()
      .comment('Last catalog sync that saw the entity');
    table.bigInteger('next_scan_at').notNullable();
    table.string('lease_owner', 255).nullable();
    table.bigInteger('lease_expires_at').nullable();
    table
      .integer('attempts')
      .notNullable()
      .defaultTo(0)
      .comment('Consecutive failed reads');
    table.text('etag').nullable();
    table.text('last_error').nullable();
    table.boolean('stale').notNullable().defaultTo(false);
    table.bigInteger('scanned_at').nullable().comment('Last analysis');
    table
      .bigInteger('checked_at')
      .nullable()
      .comment('Last successful read, changed or not');
    table.integer('pass_count').notNullable().defaultTo(0);
    table.integer('warn_count').notNullable().defaultTo(0);
    table.integer('fail_count').notNullable().defaultTo(0);
    table.integer('na_count').notNullable().defaultTo(0);
    table.integer('error_count').notNullable().defaultTo(0);
    table
      .integer('score')
      .nullable()
      .comment('0-100, passed share of applicable checks');
    table.text('check_statuses').nullable().comment('JSON: check id to status');
    table.text('notes').nullable().comment('JSON: scan notes');
    table.index(['next_scan_at'], 'go_scorecard_entities_next_scan_idx');
    table.index(['seen_at'], 'go_scorecard_entities_seen_idx');
  });

  await knex.schema.createTable('go_scorecard_check_results', table => {
    table.comment('Latest result per entity and check');
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.integer('lesson').notNullable();
    table.string('severity', 32).notNullable();
    table.string('status', 32).notNullable();
    table.text('message').nullable();
    table.integer('finding_count').notNullable().defaultTo(0);
    table.text('findings').notNullable().comment('JSON array of findings');
    table.primary(['entity_ref', 'check_id']);
    table.index(
      ['check_id', 'status'],
      'go_scorecard_check_results_check_status_idx',
    );
  });

  await knex.schema.createTable('go_scorecard_history', table => {
    table.comment('One row per completed scan, for trends');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.bigInteger('scanned_at').notNullable();
    table
      .integer('day')
      .notNullable()
      .comment('Days since the epoch (UTC) of scanned_at');
    table
      .boolean('changed')
      .notNullable()
      .comment('False when the source was unchanged');
    table.integer('pass_count').notNullable();
    table.integer('warn_count').notNullable();
    table.integer('fail_count').notNullable();
    table.integer('na_count').notNullable();
    table.integer('error_count').notNullable();
    table.integer('score').nullable();
    table.index(
      ['entity_ref', 'scanned_at'],
      'go_scorecard_history_entity_idx',
    );
    table.index(['day'], 'go_scorecard_history_day_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('go_scorecard_history');
  await knex.schema.dropTable('go_scorecard_check_results');
  await knex.schema.dropTable('go_scorecard_entities');
};
