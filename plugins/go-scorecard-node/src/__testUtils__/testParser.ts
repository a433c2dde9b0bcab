import { wantsOnLine } from './expectations';
import { GoParser } from '../go/GoParser';

let parser: Promise<GoParser> | undefined;

/** One parser shared by a test file. */
export function testParser(): Promise<GoParser> {
  parser ??= GoParser.create();
  return parser;
}

/** The `line check-id` pairs that the `// want "..."` comments of a Go source ask for. */
export function wantsIn(source: string): string[] {
  return source
    .split('\n')
    .flatMap((line, i) => wantsOnLine(line).map(id => `${i + 1} ${id}`))
    .sort();
}
