import { FATAL_METHODS } from './knownCalls';

/** A call of a method that ends the process or panics, on `log` and on loggers (see `isFatalCall`). */
const FATAL_CALL = new RegExp(`\\.(?:${[...FATAL_METHODS].join('|')})\\s*\\(`);

/** A call that does not return, as the body's last statement: `os.Exit(1)`, `panic(err)`. */
const EXIT_CALL = /^(?:os\.Exit|panic|runtime\.Goexit)\s*\(/;

/** A loop that never ends unless a `break` leaves it: `for {`, `select {}`. */
const ENDLESS = /^(?:for\s*\{|select\s*\{\s*\}\s*$)/;

/** What an assignment or another statement writes before a call; a call statement has none. */
const NOT_A_CALL = /:=|[^=!<>]=[^=]|^(?:return|go|defer|if|switch|for)\b/;

/**
 * How a function body ends, read from its text as gofmt writes it (statements of the body one
 * tab in), without a parse, for the vocabulary: `'!'` when no path returns (the body holds no
 * `return`, and its last statement is a call that never returns, `os.Exit(1)`, `panic(…)`,
 * `log.Fatalf(…)`, `s.log.Fatal(…)`, or a `for { … }`/`select {}` with no `break` in the
 * body); the name a last call statement calls (`die` of `die(msg)` or of `cli.die(msg)`) when
 * the body holds no `return`, so the function returns only if that one does; undefined
 * otherwise. As go/analysis' ctrlflow derives its noReturn facts, across files and packages.
 *
 * `body` is the text from the body's `{` to the end of the declaration.
 */
export function bodyEnding(body: string): string | undefined {
  if (/\breturn\b/.test(body)) return undefined;
  const stmt = lastStatement(body);
  if (stmt === undefined) return undefined;
  if (ENDLESS.test(stmt)) return /\bbreak\b/.test(body) ? undefined : '!';
  if (EXIT_CALL.test(stmt)) return '!';
  const fatal = FATAL_CALL.exec(stmt);
  if (fatal && !NOT_A_CALL.test(stmt.slice(0, fatal.index))) return '!';
  const call = /^(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)\s*\(/.exec(stmt);
  // A copy: a piece of the source would keep the whole file's text alive as long as the
  // vocabulary holds the name (V8 slices strings rather than copy them).
  return call ? Buffer.from(call[1], 'latin1').toString('latin1') : undefined;
}

/**
 * The first line of a body's last statement: the last line one tab in that opens none of `)`,
 * `}`, `]` (closers of a statement written over several lines) and is no comment, or the one
 * statement of a body written on one line (`{ log.Fatal(what) }`).
 */
function lastStatement(body: string): string | undefined {
  const oneLine =
    /^\{[ \t]*([^\n;]*?)[ \t]*\}[ \t]*(?:\/\/[^\n]*)?(?:\n|$)/.exec(body);
  if (oneLine) return oneLine[1] || undefined;
  const close = body.lastIndexOf('\n}');
  if (close < 0) return undefined;
  const lines = body.slice(0, close).split('\n');
  let i = lines.length - 1;
  while (i > 0 && !/^\t(?!\/\/)[^\s)}\]]/.test(lines[i])) i--;
  return i > 0 ? lines[i].slice(1) : undefined;
}
