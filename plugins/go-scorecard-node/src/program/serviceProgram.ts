import { ServiceFacts } from '../facts';
import { Binary, binaries } from './binaries';
import { Program } from './program';
import { ValueFlow } from './valueFlow';

/**
 * A service's facts linked into one program: the module index, types and callees
 * ({@link Program}), value flow across functions, files and packages ({@link ValueFlow}), and the
 * binaries with what each reaches ({@link Binary}). Checks read it beside the facts.
 */
export class ServiceProgram {
  private binaryList: Binary[] | undefined;
  readonly values: ValueFlow;

  private constructor(readonly program: Program) {
    this.values = new ValueFlow(program);
  }

  /** Links a service's facts. Cheap: everything is resolved on demand. */
  static link(facts: ServiceFacts): ServiceProgram {
    return new ServiceProgram(Program.link(facts));
  }

  /** The binaries (`package main` with a `main` function) of the service. */
  get binaries(): Binary[] {
    this.binaryList ??= binaries(this.program);
    return this.binaryList;
  }
}
