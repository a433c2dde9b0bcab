/**
 * The nodes of a parsed Go text/template (`templateSyntax.ts`): operands, pipelines, the node
 * tree, and the error for text Go's parser rejects.
 */

/** An operand of a command: a field chain, a variable, a literal, a function name, a sub-pipeline. */
export type Operand =
  | { k: 'field'; base: 'dot'; chain: string[] }
  | { k: 'var'; name: string; chain: string[] }
  | { k: 'paren'; pipe: Pipeline; chain: string[] }
  | { k: 'string'; value: string }
  | { k: 'number'; value: number }
  | { k: 'bool'; value: boolean }
  | { k: 'nil' }
  | { k: 'ident'; name: string };

/** A pipeline: `$x := cmd arg | fn arg`, commands joined by `|`. */
export interface Pipeline {
  /** Variables declared (`:=`) or assigned (`=`) by the pipeline. */
  vars: string[];
  assign: boolean;
  cmds: Operand[][];
}

/** A node of a parsed template; `at` is the source offset it starts at. */
export type TemplateNode =
  | { k: 'text'; text: string; at: number }
  | { k: 'action'; pipe: Pipeline; at: number }
  | {
      k: 'if' | 'with';
      branches: { cond: Pipeline; body: TemplateNode[] }[];
      otherwise?: TemplateNode[];
      at: number;
    }
  | {
      k: 'range';
      pipe: Pipeline;
      body: TemplateNode[];
      otherwise?: TemplateNode[];
      at: number;
    }
  | { k: 'template'; name: string; pipe?: Pipeline; at: number }
  | { k: 'break' | 'continue'; at: number };

/** A parsed template file: its top-level nodes and the templates it defines. */
export interface ParsedTemplate {
  nodes: TemplateNode[];
  defines: Map<string, TemplateNode[]>;
}

/** Thrown for text that is not a template Go would parse; the message names the offset. */
export class TemplateSyntaxError extends Error {
  constructor(message: string, readonly at: number) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}
