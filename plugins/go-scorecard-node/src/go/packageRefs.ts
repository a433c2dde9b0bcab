import { Node } from 'web-tree-sitter';
import { GoSource, textOf } from './syntax';
import { wordSites } from './wordSites';

/** A use of a name from an imported package: `pkg.Name` in an expression or a type. */
export interface PackageRef {
  /** The exported name after the dot. */
  name: string;
  /** The `selector_expression` (expressions) or `qualified_type` (types). */
  node: Node;
  /** The call when the reference is called: `pkg.Name(...)`. */
  call?: Node;
}

/** Every `local.Name` of a file, where `local` is the file's name for an imported package. */
export function packageRefs(src: GoSource, local: string | undefined): PackageRef[] {
  if (!local) return [];
  const refs: PackageRef[] = [];
  for (const site of wordSites(src, local)) {
    const parent = site.parent;
    if (!parent || parent.startIndex !== site.startIndex) continue;
    let nameNode: Node | null = null;
    if (site.type === 'identifier' && parent.type === 'selector_expression') {
      nameNode = parent.childForFieldName('field');
    } else if (site.type === 'package_identifier' && parent.type === 'qualified_type') {
      nameNode = parent.childForFieldName('name');
    }
    if (!nameNode) continue;
    const outer = parent.parent;
    const called =
      outer?.type === 'call_expression' && outer.startIndex === parent.startIndex;
    refs.push({
      name: textOf(src, nameNode),
      node: parent,
      call: called ? outer : undefined,
    });
  }
  return refs;
}
