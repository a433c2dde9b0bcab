import { Node } from 'web-tree-sitter';
import { GoSource, textOf } from './syntax';
import { siteAt, wordSites } from './wordSites';

/** A use of a name from an imported package: `pkg.Name` in an expression or a type. */
export interface PackageRef {
  /** The exported name after the dot. */
  name: string;
  /** The `selector_expression` (expressions) or `qualified_type` (types). */
  node: Node;
  /** The call when the reference is called: `pkg.Name(...)`. */
  call?: Node;
}

const NAME_AFTER_DOT = /^\.\s*([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)/;

/**
 * Every `local.Name` of a file, where `local` is the file's name for an imported package. With
 * `names`, only those names: the others are skipped from the text, before any tree lookup.
 */
export function packageRefs(
  src: GoSource,
  local: string | undefined,
  names?: ReadonlySet<string>,
): PackageRef[] {
  if (!local) return [];
  const refs: PackageRef[] = [];
  const { source } = src;
  const positions = src.words?.covers(local) ? src.words.at(local) : undefined;
  const sites = positions
    ? positions.flatMap(at => {
        if (names) {
          const name = NAME_AFTER_DOT.exec(
            source.slice(at + local.length, at + local.length + 64),
          );
          if (!name || !names.has(name[1])) return [];
        }
        const node = siteAt(src, at, local.length);
        return node ? [node] : [];
      })
    : wordSites(src, local);
  for (const site of sites) {
    const parent = site.parent;
    if (!parent || parent.startIndex !== site.startIndex) continue;
    let nameNode: Node | null = null;
    if (site.type === 'identifier' && parent.type === 'selector_expression') {
      nameNode = parent.childForFieldName('field');
    } else if (
      site.type === 'package_identifier' &&
      parent.type === 'qualified_type'
    ) {
      nameNode = parent.childForFieldName('name');
    }
    if (!nameNode) continue;
    const outer = parent.parent;
    const called =
      outer?.type === 'call_expression' &&
      outer.startIndex === parent.startIndex;
    refs.push({
      name: textOf(src, nameNode),
      node: parent,
      call: called ? outer : undefined,
    });
  }
  return refs;
}

/** A table of library functions by import path: what each named function does. */
export type LibraryTable<T> = readonly {
  path: RegExp;
  names: Readonly<Record<string, T>>;
}[];

/**
 * The references of a file to the functions of a library table (`SIGNAL_HELPERS`,
 * `SERVER_FUNCS`, `LIBRARY_DIALS`): for each import path an entry matches, the references to its
 * names (`refs`), each with the entry's spec for that name.
 */
export function libraryRefs<T>(
  paths: readonly string[],
  refs: (path: string) => PackageRef[],
  table: LibraryTable<T>,
): { ref: PackageRef; spec: T }[] {
  return table.flatMap(lib =>
    paths
      .filter(p => lib.path.test(p))
      .flatMap(p => refs(p))
      .flatMap(ref => {
        const spec = lib.names[ref.name];
        return spec === undefined ? [] : [{ ref, spec }];
      }),
  );
}
