/*
 * The report in SQL (filters, sorting, paging, aggregates over 50,000 entities).
 *
 * Each check id gets a permanent bit (go_scorecard_check_bits), and each entity row the
 * latest status of its checks as five bit masks, one per status, written with
 * check_statuses in the same row: the report counts and filters per check and lesson
 * with bit tests on the entity rows instead of joining a row per entity and check.
 * The refs a caller may read reach SQL as a stored set (go_scorecard_readable_sets and
 * _refs, by content hash, shared by callers and replicas) the report joins.
 * Also the lowercased columns the report filters, searches and sorts on (computed in
 * JavaScript, as the report always compared them, so both databases match it exactly),
 * and the entity's catalog cells of the report's CSV, written as the CSV writes them.
 * Backfilled from the stored summaries.
 */

const ENTITIES = 'go_scorecard_entities';
const BITS = 'go_scorecard_check_bits';
const READABLE_SETS = 'go_scorecard_readable_sets';
const READABLE_REFS = 'go_scorecard_readable_refs';
const MASKS = {
  pass: 'pass_bits',
  warn: 'warn_bits',
  fail: 'fail_bits',
  not_applicable: 'na_bits',
  error: 'error_bits',
};
const CHUNK = 100;

/** A CSV cell as the report's CSV writes it (src/report/reportCsv.ts, `csvCell`). */
function csvCell(value) {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lowercased as the report compares: `toLocaleLowerCase('en-US')`. */
function lower(value) {
  return value === null || value === undefined
    ? null
    : String(value).toLocaleLowerCase('en-US');
}

/** Every entity row, 100 at a time, in ref order. */
async function* entityRows(knex, columns) {
  let after = '';
  for (;;) {
    const rows = await knex(ENTITIES)
      .select('entity_ref', ...columns)
      .where('entity_ref', '>', after)
      .orderBy('entity_ref')
      .limit(CHUNK);
    if (!rows.length) return;
    after = rows[rows.length - 1].entity_ref;
    yield rows;
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(BITS, table => {
    table.comment(
      'The bit of each check id in the status masks of go_scorecard_entities; never reused',
    );
    table.string('check_id', 255).primary().notNullable();
    table.integer('bit').notNullable().unique().comment('0-62');
  });
  await knex.schema.createTable(READABLE_SETS, table => {
    table.comment(
      'Sets of entity refs some callers may read, by content hash: what the report joins',
    );
    table
      .string('set_id', 64)
      .primary()
      .notNullable()
      .comment('SHA-256 of the refs');
    table.bigInteger('used_at').notNullable().comment('Last use (epoch ms)');
  });
  await knex.schema.createTable(READABLE_REFS, table => {
    table.comment('The refs of each readable set');
    table.string('set_id', 64).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.primary(['set_id', 'entity_ref']);
  });
  await knex.schema.alterTable(ENTITIES, table => {
    for (const [status, column] of Object.entries(MASKS)) {
      table
        .bigInteger(column)
        .notNullable()
        .defaultTo(0)
        .comment(`Bits of the checks whose latest status is ${status}`);
    }
    table.string('owner_key', 255).nullable().comment('Lowercased owner');
    table.string('system_key', 255).nullable().comment('Lowercased system');
    table.text('title_key').nullable().comment('Lowercased title');
    table
      .text('sort_title')
      .nullable()
      .comment('Lowercased title, or name without one: the title sort key');
    table
      .text('csv_cells')
      .nullable()
      .comment('The CSV cells of entity_ref, title, owner, system and type');
    table.index(['owner_key'], 'go_scorecard_entities_owner_key_idx');
    table.index(['system_key'], 'go_scorecard_entities_system_key_idx');
  });

  // Bits for the check ids stored so far, in id order.
  const ids = new Set();
  for await (const rows of entityRows(knex, ['check_statuses'])) {
    for (const row of rows) {
      if (!row.check_statuses) continue;
      for (const id of Object.keys(JSON.parse(row.check_statuses))) ids.add(id);
    }
  }
  const bits = new Map([...ids].sort().map((id, bit) => [id, bit]));
  if (bits.size > 63) throw new Error('More than 63 check ids are stored');
  for (const [id, bit] of bits) {
    await knex(BITS).insert({ check_id: id, bit });
  }

  for await (const rows of entityRows(knex, [
    'name',
    'title',
    'owner',
    'system',
    'type',
    'check_statuses',
  ])) {
    for (const row of rows) {
      const masks = Object.fromEntries(
        Object.values(MASKS).map(column => [column, 0n]),
      );
      const statuses = row.check_statuses ? JSON.parse(row.check_statuses) : {};
      for (const [id, status] of Object.entries(statuses)) {
        const column = MASKS[status];
        if (column) masks[column] |= 1n << BigInt(bits.get(id));
      }
      await knex(ENTITIES)
        .where('entity_ref', row.entity_ref)
        .update({
          ...Object.fromEntries(
            Object.entries(masks).map(([c, v]) => [c, String(v)]),
          ),
          owner_key: lower(row.owner),
          system_key: lower(row.system),
          title_key: lower(row.title),
          sort_title: lower(row.title ?? row.name),
          csv_cells: [
            row.entity_ref,
            row.title,
            row.owner,
            row.system,
            row.type,
          ]
            .map(csvCell)
            .join(','),
        });
    }
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable(ENTITIES, table => {
    table.dropIndex(['owner_key'], 'go_scorecard_entities_owner_key_idx');
    table.dropIndex(['system_key'], 'go_scorecard_entities_system_key_idx');
    for (const column of Object.values(MASKS)) table.dropColumn(column);
    table.dropColumn('owner_key');
    table.dropColumn('system_key');
    table.dropColumn('title_key');
    table.dropColumn('sort_title');
    table.dropColumn('csv_cells');
  });
  await knex.schema.dropTable(BITS);
  await knex.schema.dropTable(READABLE_REFS);
  await knex.schema.dropTable(READABLE_SETS);
};
