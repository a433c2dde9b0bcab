import { GoFileFacts, StoreFacts, ValueExpr } from '../facts';
import { FuncInfo, Program, Site } from './program';

/** A site with the arguments its function was called with, when it was entered through a call. */
export interface Context extends Site {
  bind?: { args: ValueExpr[]; ctx: Context };
  /** Calls entered to get here. */
  calls: number;
}

/**
 * The stores of the program indexed for the value flow: into package variables by global key,
 * into fields by field key, and through a function's pointer parameters.
 */
export class StoreIndex {
  private fieldStores:
    | Map<string, { store: StoreFacts; file: GoFileFacts; bind?: Context }[]>
    | undefined;
  private globalStores:
    | Map<string, { store: StoreFacts; file: GoFileFacts }[]>
    | undefined;

  constructor(private readonly program: Program) {}

  /** The stores of a function through its pointer parameter `param` (`*p = v`). */
  derefStores(fn: FuncInfo, param: number): StoreFacts[] {
    return fn.file.program.stores.filter(
      s =>
        s.owner === fn.index &&
        s.target.k === 'deref' &&
        s.target.of.k === 'param' &&
        s.target.of.index === param,
    );
  }

  /** Stores into a package variable, by global key. */
  storesOfGlobal(key: string) {
    if (!this.globalStores) {
      const index = new Map<
        string,
        { store: StoreFacts; file: GoFileFacts }[]
      >();
      for (const file of this.program.facts.goFiles) {
        for (const store of file.program.stores) {
          if (store.target.k !== 'global') continue;
          const k = this.program.globalKey(
            { file, owner: store.owner },
            store.target.pkg,
            store.target.name,
          );
          if (k) index.set(k, [...(index.get(k) ?? []), { store, file }]);
        }
      }
      this.globalStores = index;
    }
    return this.globalStores.get(key) ?? [];
  }

  /**
   * Stores into fields, by field key: `x.f = v`, `T{f: v}`, flag defaults, and setter calls
   * (`mustMapEnv(&svc.f, "X")`: the callee's `*p = v` under the call's arguments).
   */
  storesOfField(key: string) {
    if (!this.fieldStores) {
      const index = new Map<
        string,
        { store: StoreFacts; file: GoFileFacts; bind?: Context }[]
      >();
      const add = (
        k: string | undefined,
        entry: { store: StoreFacts; file: GoFileFacts; bind?: Context },
      ) => {
        if (k) index.set(k, [...(index.get(k) ?? []), entry]);
      };
      for (const file of this.program.facts.goFiles) {
        for (const store of file.program.stores) {
          if (store.target.k !== 'field') continue;
          const site = { file, owner: store.owner };
          add(
            this.program.fieldKey(
              this.program.typeOf(store.target.of, site),
              store.target.name,
            ),
            { store, file },
          );
        }
        for (const call of file.program.calls) {
          call.args.forEach((arg, i) => {
            if (arg.k !== 'addr' || arg.of.k !== 'field') return;
            const site = { file, owner: call.owner };
            const k = this.program.fieldKey(
              this.program.typeOf(arg.of.of, site),
              arg.of.name,
            );
            if (!k) return;
            for (const fn of this.program.callees(call.callee, site)) {
              for (const store of this.derefStores(fn, i)) {
                const caller: Context = { file, owner: call.owner, calls: 0 };
                add(k, {
                  store,
                  file: fn.file,
                  bind: {
                    file: fn.file,
                    owner: fn.index,
                    bind: { args: call.args, ctx: caller },
                    calls: 1,
                  },
                });
              }
            }
          });
        }
      }
      this.fieldStores = index;
    }
    return this.fieldStores.get(key) ?? [];
  }
}
