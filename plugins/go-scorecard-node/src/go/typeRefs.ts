import { Node } from 'web-tree-sitter';
import { lastAtOrBefore } from '../text/lastAtOrBefore';
import { FieldFacts, TypeRef, Where } from '../programFacts';
import { readTypeAt } from './declarations';
import { ParamSyntax, TypeSyntax } from './declarationSyntax';
import { ImportResolver } from './imports';
import { GoSource, snippetAt } from './syntax';

/**
 * Turns types as written into {@link TypeRef}s: qualifiers become import paths, struct fields
 * get their locations. One per file.
 */
export class TypeRefs {
  private lineStarts: number[] | undefined;

  constructor(
    private readonly src: Pick<GoSource, 'path' | 'source'>,
    private readonly imports: ImportResolver,
  ) {}

  /** The location of an offset of the file. */
  whereAt(offset: number): Where {
    return {
      path: this.src.path,
      line: this.lineAt(offset),
      snippet: snippetAt(this.src.source, offset),
    };
  }

  private lineAt(offset: number): number {
    if (!this.lineStarts) {
      const starts = [0];
      const s = this.src.source;
      for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1))
        starts.push(i + 1);
      this.lineStarts = starts;
    }
    return (
      Math.max(
        0,
        lastAtOrBefore(this.lineStarts, s => s, offset),
      ) + 1
    );
  }

  /** A type as written to a reference. An unknown qualifier makes it unknown. */
  of(t: TypeSyntax): TypeRef {
    switch (t.k) {
      case 'named': {
        if (t.q === undefined) return { k: 'named', pkg: '', name: t.name };
        const pkg = this.imports.pathOf(t.q);
        return pkg === undefined
          ? { k: 'unknown' }
          : { k: 'named', pkg, name: t.name };
      }
      case 'pointer':
      case 'slice':
      case 'array':
      case 'chan':
        return { k: t.k, elem: this.of(t.elem) };
      case 'map':
        return { k: 'map', key: this.of(t.key), elem: this.of(t.elem) };
      case 'func':
        return { k: 'func', results: t.results.map(r => this.of(r.type)) };
      case 'struct':
        return {
          k: 'struct',
          fields: t.fields.map(
            (f): FieldFacts => ({
              name: f.name,
              type: this.of(f.type),
              ...(f.embedded ? { embedded: true } : {}),
              ...(f.tag !== undefined ? { tag: f.tag } : {}),
              at: this.whereAt(f.at),
            }),
          ),
        };
      case 'interface':
        return {
          k: 'interface',
          methods: t.methods,
          shapes: t.shapes,
          embeds: t.embeds.map(e => this.of(e)),
        };
      default:
        return { k: 'unknown' };
    }
  }

  /** Parameters as written to `{ name, type }`. */
  params(ps: ParamSyntax[]): { name?: string; type: TypeRef }[] {
    return ps.map(p => ({
      ...(p.name !== undefined ? { name: p.name } : {}),
      type: p.variadic
        ? { k: 'slice', elem: this.of(p.type) }
        : this.of(p.type),
    }));
  }

  /** The type a syntax-tree type node denotes. */
  ofNode(node: Node): TypeRef {
    return this.of(readTypeAt(this.src.source, node.startIndex, node.endIndex));
  }
}
