import { Node } from 'web-tree-sitter';
import { GoSource, textOf, topLevelOf } from './syntax';
import { wordSites } from './wordSites';

import { ServerKind } from '../facts';

export type { ServerKind };

/**
 * Which names of a file hold servers, decided from declarations and assignments: local
 * variables and parameters (per top-level declaration), package-level variables, struct fields
 * (by field name: `s.srv`), and the results of functions declared to return a server.
 */
export class ServerBindings {
  private readonly names = new Set<string>();
  private readonly constructors = new Map<string, ServerKind>();
  /** Composite literals of a server type, by node id (`echo.StartConfig{…}.Start(ctx, e)`). */
  private readonly literals = new Map<number, ServerKind>();

  constructor(private readonly src: GoSource) {}

  get isEmpty(): boolean {
    return this.names.size === 0;
  }

  private scopeOf(node: Node): string {
    const top = topLevelOf(node);
    return top.type === 'var_declaration' ? 'pkg' : String(top.startIndex);
  }

  private bindIdentifier(kind: ServerKind, id: Node) {
    this.names.add(`${kind} ${this.scopeOf(id)} ${textOf(this.src, id)}`);
  }

  private bindField(kind: ServerKind, field: Node) {
    this.names.add(`${kind} field ${textOf(this.src, field)}`);
  }

  private bindTarget(kind: ServerKind, target: Node | null | undefined) {
    if (target?.type === 'identifier') this.bindIdentifier(kind, target);
    else if (target?.type === 'selector_expression') {
      const field = target.childForFieldName('field');
      if (field) this.bindField(kind, field);
    }
  }

  /** A server value (`&http.Server{}`, `grpc.NewServer()`, `gin.Default()`): where it is stored. */
  bindValue(kind: ServerKind, value: Node) {
    let n = value;
    while (
      n.parent &&
      (n.parent.type === 'parenthesized_expression' ||
        n.parent.type === 'unary_expression')
    ) {
      n = n.parent;
    }
    const p = n.parent;
    if (!p) return;
    if (p.type === 'expression_list') {
      const stmt = p.parent;
      const index = p.namedChildren.findIndex(c => c?.id === n.id);
      if (
        stmt?.type === 'short_var_declaration' ||
        stmt?.type === 'assignment_statement'
      ) {
        if (stmt.childForFieldName('right')?.id === p.id) {
          this.bindTarget(
            kind,
            stmt.childForFieldName('left')?.namedChild(index),
          );
        }
      } else if (stmt?.type === 'var_spec') {
        this.bindTarget(kind, stmt.childrenForFieldName('name')[index]);
      } else if (stmt?.type === 'return_statement') {
        this.bindConstructorOf(kind, stmt);
      }
    } else if (
      p.type === 'literal_element' &&
      p.parent?.type === 'keyed_element'
    ) {
      const key = p.parent.namedChild(0);
      if (key?.id !== p.id && key?.namedChild(0)?.type === 'identifier') {
        this.bindField(kind, key.namedChild(0)!);
      }
    }
  }

  private bindConstructorOf(kind: ServerKind, node: Node) {
    const top = topLevelOf(node);
    const name =
      top.type === 'function_declaration' && top.childForFieldName('name');
    if (name) this.constructors.set(textOf(this.src, name), kind);
  }

  /** A server type (`http.Server`, `*grpc.Server`, `*gin.Engine`): what is declared with it. */
  bindType(kind: ServerKind, type: Node) {
    let n = type;
    while (n.parent?.type === 'pointer_type') n = n.parent;
    const p = n.parent;
    if (!p) return;
    switch (p.type) {
      case 'parameter_declaration':
      case 'var_spec':
        for (const id of p.childrenForFieldName('name'))
          if (id) this.bindIdentifier(kind, id);
        return;
      case 'field_declaration':
        for (const id of p.childrenForFieldName('name'))
          if (id) this.bindField(kind, id);
        return;
      case 'composite_literal':
        this.literals.set(p.id, kind);
        this.bindValue(kind, p);
        return;
      case 'argument_list': // new(http.Server)
        if (p.parent) this.bindValue(kind, p.parent);
        return;
      case 'function_declaration':
        this.bindConstructorOf(kind, p);
        return;
      default:
    }
  }

  /** Binds the results of calls of functions declared to return a server. */
  bindConstructorCalls() {
    for (const [name, kind] of this.constructors) {
      for (const site of wordSites(this.src, name)) {
        const call = site.parent;
        if (
          site.type === 'identifier' &&
          call?.type === 'call_expression' &&
          call.startIndex === site.startIndex
        ) {
          this.bindValue(kind, call);
        }
      }
    }
  }

  /** The struct fields bound to servers, with their kinds. */
  fields(): Record<string, ServerKind[]> {
    const out: Record<string, ServerKind[]> = {};
    for (const key of this.names) {
      const [kind, scope, name] = key.split(' ');
      if (scope === 'field') (out[name] ??= []).push(kind as ServerKind);
    }
    return out;
  }

  /** The server kinds a method call's receiver (`srv`, `s.srv`) may hold. */
  kindsOf(receiver: Node): ServerKind[] {
    const literal = this.literals.get(receiver.id);
    if (literal) return [literal];
    let keys: string[];
    if (receiver.type === 'identifier') {
      const name = textOf(this.src, receiver);
      keys = [`${this.scopeOf(receiver)} ${name}`, `pkg ${name}`];
    } else if (receiver.type === 'selector_expression') {
      const field = receiver.childForFieldName('field');
      keys = field ? [`field ${textOf(this.src, field)}`] : [];
    } else {
      keys = [];
    }
    return (['http', 'grpc', 'framework'] as const).filter(kind =>
      keys.some(k => this.names.has(`${kind} ${k}`)),
    );
  }
}
