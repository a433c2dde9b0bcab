import { posix } from 'node:path';
import { GoModule, ServiceFacts, serviceFacts } from '../facts';
import { EXTRACTOR_WORDS, extractGoFacts } from '../go/extractGoFacts';
import { testParser } from './testParser';
import { Vocabulary } from '../go/vocabulary';
import { parseGoMod } from '../gomod/parseGoMod';
import { ServiceProgram } from '../program/serviceProgram';

/**
 * The facts of a few Go files and go.mod files (path → text), extracted as the analyzer does
 * (vocabulary first, then each file) and linked: for tests of the program layer.
 */
export async function linkSources(
  files: Record<string, string>,
): Promise<{ facts: ServiceFacts; program: ServiceProgram }> {
  const parser = await testParser();
  const vocabulary = new Vocabulary(EXTRACTOR_WORDS);
  const goPaths = Object.keys(files)
    .filter(p => p.endsWith('.go'))
    .sort();
  for (const p of goPaths) vocabulary.add(files[p], posix.dirname(p));
  const modules: GoModule[] = Object.keys(files)
    .filter(p => p === 'go.mod' || p.endsWith('/go.mod'))
    .map(p => ({
      dir: p === 'go.mod' ? '.' : p.slice(0, -'/go.mod'.length),
      mod: parseGoMod(p, files[p]),
    }));
  const facts = serviceFacts({
    goFiles: goPaths.map(p => extractGoFacts(parser, p, files[p], vocabulary)),
    modules,
  });
  return { facts, program: ServiceProgram.link(facts) };
}
