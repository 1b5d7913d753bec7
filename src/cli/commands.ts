/** The registry of CLI commands. A command without `run` answers "not yet". */
export interface Command {
  readonly summary: string;
  readonly run?: (args: readonly string[]) => Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  catalog: {
    summary: 'the clinical catalog (muscles, trigger points, regions)',
    run: async (args) => (await import('./catalog.ts')).run(args),
  },
  needle: {
    summary: 'tissues a needle passes, nearest danger and a verdict',
    run: async (args) => (await import('./needle.ts')).run(args),
  },
  lookup: {
    summary: '"pain here: which muscles?" ranked trigger points',
    run: async (args) => (await import('./lookup.ts')).run(args),
  },
  quiz: {
    summary: 'a reproducible quiz from a seed',
    run: async (args) => (await import('./quiz.ts')).run(args),
  },
  score: {
    summary: 'score answers to a quiz',
    run: async (args) => (await import('./score.ts')).run(args),
  },
};
