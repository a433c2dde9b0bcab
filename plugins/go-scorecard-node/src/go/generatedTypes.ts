import { FuncFacts, ReturnFacts, TypeFacts } from '../programFacts';
import { GoImport } from '../facts';
import { readDeclaration } from './declarations';
import { DeclarationsSyntax } from './declarationSyntax';
import { ImportResolver } from './imports';
import { TypeRefs } from './typeRefs';

/**
 * Package-level type declarations and getter methods (`func (x *T) GetAddr()`), which start a
 * line as gofmt writes them; other functions are not read.
 */
const DECLARATION = /^(?:type\b|func \(\w+ \*?\w+\) Get\w*\(\))/gm;

/**
 * A struct tag's start (`` `json:" ``): generated files without one (the standard library's
 * syscall tables, a deepcopy file) declare no type a config loader reads by key, and are not
 * read for types at all.
 */
const STRUCT_TAG = /`[A-Za-z_][\w-]*:"/;

/** The package clause. */
const PACKAGE_CLAUSE = /^package\s+([A-Za-z_]\w*)/m;

/**
 * A field getter's body as protoc-gen-go writes it (`func (x *Data) GetUser() *Data_Client { if
 * x != nil { return x.User }; return nil }`): the receiver's field it returns.
 */
const GETTER_BODY =
  /\{\s*if\s+(\w+)\s*!=\s*nil\s*\{\s*return\s+(\w+)\.(\w+)\s*\}/y;

/** What a generated file gives the program (see {@link generatedTypes}). */
export interface GeneratedDeclarations {
  packageName: string;
  types: TypeFacts[];
  /** Field getters of those types (`GetAddr`), each returning its field. */
  funcs: FuncFacts[];
  returns: ReturnFacts[];
}

/**
 * What a generated Go file declares that the program needs of it: its package name, its struct
 * types with their fields and tags (protoc-gen-go's `type Bootstrap struct { Server *Server
 * \`protobuf:"…,name=server,proto3" json:"server,omitempty"\` … }`), so that a value of such a type
 * (`var bc conf.Bootstrap` filled by a config loader) has fields, keys and tags, and the getters
 * that return a field (`c.GetUser().GetAddr()` is `c.User.Addr`). Read from the declarations'
 * tokens alone (a getter's body by its shape): no syntax tree, no other function bodies, no facts
 * of the rest of the file, and only in a file that writes struct tags, so the cost stays small in
 * trees with many large generated files.
 */
export function generatedTypes(
  path: string,
  source: string,
  imports: GoImport[],
): GeneratedDeclarations {
  const packageName = PACKAGE_CLAUSE.exec(source)?.[1] ?? '';
  const out: GeneratedDeclarations = {
    packageName,
    types: [],
    funcs: [],
    returns: [],
  };
  if (!STRUCT_TAG.test(source)) return out;
  const syntax: DeclarationsSyntax = { funcs: [], types: [], globals: [] };
  for (const m of source.matchAll(DECLARATION))
    readDeclaration(source, m.index, source.length, syntax);
  const refs = new TypeRefs({ path, source }, new ImportResolver(imports));
  const fields = new Map<string, Map<string, TypeFacts['type']>>();
  for (const t of syntax.types) {
    if (t.type.k !== 'struct') continue;
    const type = refs.of(t.type);
    out.types.push({ name: t.name, type, at: refs.whereAt(t.at) });
    if (type.k === 'struct')
      fields.set(t.name, new Map(type.fields.map(f => [f.name, f.type])));
  }
  for (const f of syntax.funcs) {
    const recv = f.recv?.type;
    const named = recv?.k === 'pointer' ? recv.elem : recv;
    if (
      named?.k !== 'named' ||
      named.q !== undefined ||
      f.bodyStart === undefined ||
      f.params.length ||
      !f.name.startsWith('Get')
    )
      continue;
    const field = f.name.slice(3);
    const type = fields.get(named.name)?.get(field);
    GETTER_BODY.lastIndex = f.bodyStart;
    const body = GETTER_BODY.exec(source);
    if (
      !type ||
      !body ||
      body[1] !== f.recv?.name ||
      body[2] !== f.recv?.name ||
      body[3] !== field
    )
      continue;
    out.returns.push({
      owner: out.funcs.length,
      values: [{ k: 'field', of: { k: 'recv' }, name: field }],
    });
    out.funcs.push({
      name: f.name,
      recv: refs.of(recv!),
      params: [],
      results: [type],
      at: refs.whereAt(f.nameAt),
    });
  }
  return out;
}
