import { TypeFacts } from '../programFacts';
import { GoImport } from '../facts';
import { readDeclaration } from './declarations';
import { DeclarationsSyntax } from './declarationSyntax';
import { ImportResolver } from './imports';
import { TypeRefs } from './typeRefs';

/** Package-level type declarations start a line (gofmt writes them so). */
const TYPE_DECLARATION = /^type\b/gm;

/**
 * A struct tag's start (`` `json:" ``): generated files without one (the standard library's
 * syscall tables, a deepcopy file) declare no type a config loader reads by key, and are not
 * read for types at all.
 */
const STRUCT_TAG = /`[A-Za-z_][\w-]*:"/;

/** The package clause. */
const PACKAGE_CLAUSE = /^package\s+([A-Za-z_]\w*)/m;

/**
 * What a generated Go file declares that the program needs of it: its package name and its struct
 * types with their fields and tags (protoc-gen-go's `type Bootstrap struct { Server *Server
 * \`protobuf:"…,name=server,proto3" json:"server,omitempty"\` … }`), so that a value of such a type
 * (`var bc conf.Bootstrap` filled by a config loader) has fields, keys and tags. Read from the
 * `type` declarations' tokens alone: no syntax tree, no function bodies, no facts of the rest of
 * the file, and only in a file that writes struct tags, so the cost stays small in trees with many
 * large generated files.
 */
export function generatedTypes(
  path: string,
  source: string,
  imports: GoImport[],
): { packageName: string; types: TypeFacts[] } {
  const packageName = PACKAGE_CLAUSE.exec(source)?.[1] ?? '';
  const types: TypeFacts[] = [];
  if (!STRUCT_TAG.test(source)) return { packageName, types };
  const syntax: DeclarationsSyntax = { funcs: [], types: [], globals: [] };
  for (const m of source.matchAll(TYPE_DECLARATION))
    readDeclaration(source, m.index, source.length, syntax);
  const refs = new TypeRefs({ path, source }, new ImportResolver(imports));
  for (const t of syntax.types)
    if (t.type.k === 'struct')
      types.push({
        name: t.name,
        type: refs.of(t.type),
        at: refs.whereAt(t.at),
      });
  return { packageName, types };
}
