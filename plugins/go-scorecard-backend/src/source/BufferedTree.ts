import {
  SourceEntry,
  SourceTree,
  TreeProblem,
} from '@internal/plugin-go-scorecard-node';

/** A file already listed (and, unless too large, read) into memory. */
export interface BufferedFile {
  path: string;
  size: number;
  /** Absent when the file was too large to read: the analyzer notes it as skipped. */
  data?: Buffer;
}

/** A {@link SourceTree} over files fetched ahead of analysis, replaying listing problems as notes. */
export class BufferedTree implements SourceTree {
  constructor(
    readonly files: BufferedFile[],
    readonly problems: TreeProblem[] = [],
  ) {}

  async *entries(
    onProblem: (problem: TreeProblem) => void,
  ): AsyncIterable<SourceEntry> {
    for (const problem of this.problems) onProblem(problem);
    for (const file of this.files) {
      const { path, size, data } = file;
      yield {
        path,
        size,
        read: async () => {
          if (!data)
            throw new Error(
              `${path} was not fetched: ${size} bytes is over the limit`,
            );
          return data;
        },
      };
    }
  }
}
