/**
 * A mistake in a source file, located as precisely as known. Its message reads
 * `content/articles/x.mdx:12: title must not be empty`, the form editors' tools link to.
 */
export class SourceProblem extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly problem: string;

  constructor(file: string, line: number | undefined, problem: string) {
    super(`${file}${line ? `:${line}` : ''}: ${problem}`);
    this.name = 'SourceProblem';
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  /** One error carrying several problems, so an editor hears of every mistake at once. */
  static all(problems: readonly SourceProblem[]): SourceProblems {
    return new SourceProblems(problems);
  }
}

export class SourceProblems extends Error {
  readonly problems: readonly SourceProblem[];

  constructor(problems: readonly SourceProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'SourceProblems';
    this.problems = problems;
  }
}
