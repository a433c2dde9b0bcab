import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A Component of the example catalog, as the portal should list it. */
export interface ExampleComponent {
  name: string;
  owner: string;
  system?: string;
}

/** The Components of examples/entities.yaml: the test's expectations come from the catalog files. */
export function exampleComponents(): ExampleComponent[] {
  const file = join(__dirname, '..', '..', 'examples', 'entities.yaml');
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map(doc => doc.toJS())
    .filter(e => e?.kind === 'Component')
    .map(e => ({
      name: e.metadata.name,
      owner: String(e.spec.owner).replace(/^group:(default\/)?/, ''),
      system: e.spec.system,
    }));
}
