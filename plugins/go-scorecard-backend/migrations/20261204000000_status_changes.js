/*
 * Status changes for regression notifications (issue 16, item 1).
 *
 * go_scorecard_status_changes: one row per check of an entity whose status a scan
 * turned worse (pass/not_applicable to fail/warn, or a waiver that ran out) or better
 * (fail/warn to pass), written in the transaction that stores the scan. The notifier
 * claims pending rows into a digest per owner (`digest_id`, `claimed_until`: a lease,
 * so replicas sharing the database never send one twice), sends it, and sets
 * `notified_at`. The unique key keeps one row per entity, check and scan.
 */

const TABLE = 'go_scorecard_status_changes';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(TABLE, table => {
    table.comment('Check status changes that notify the owning team');
    table.bigIncrements('id').primary();
    table.string('entity_ref').notNullable().comment('Lowercased entity ref');
    table.string('check_id').notNullable();
    table
      .string('owner')
      .nullable()
      .comment("The entity's owner ref when the change was seen");
    table.string('kind', 16).notNullable().comment('regression or improvement');
    table.string('from_status', 16).notNullable();
    table.string('to_status', 16).notNullable();
    table
      .boolean('waiver_expired')
      .notNullable()
      .defaultTo(false)
      .comment('Waived findings of the check dropped while it fails or warns');
    table
      .bigInteger('detected_at')
      .notNullable()
      .comment('Time of the scan that changed the status (epoch ms)');
    table
      .string('digest_id')
      .nullable()
      .comment('The digest that claimed the change; kept across retries');
    table
      .bigInteger('claimed_until')
      .nullable()
      .comment('Claim on the change by a sending replica (epoch ms)');
    table
      .bigInteger('notified_at')
      .nullable()
      .comment('When the digest listing it was sent (epoch ms)');
    table.unique(['entity_ref', 'check_id', 'detected_at'], {
      indexName: `${TABLE}_scan_uniq`,
    });
    table.index(['notified_at', 'claimed_until'], `${TABLE}_pending_idx`);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable(TABLE);
};
