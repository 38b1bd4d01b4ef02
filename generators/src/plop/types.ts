/**
 * The little of plop's API (node-plop 0.32, inquirer 9) the plopfile uses, typed here so the package
 * needs neither at compile time: both are ESM-only, and only the repository's plop loads this module.
 */
export type Answers = Record<string, unknown>;

export interface Question {
  readonly type: string;
  readonly name: string;
  readonly message: string;
  readonly choices?: ReadonlyArray<string | { value: string; name: string }> | ((answers: Answers) => readonly string[]);
  readonly default?: unknown;
  readonly validate?: (value: unknown, answers?: Answers) => true | string;
  /** node-plop's bypass hook: the command-line value → the answer. */
  readonly bypass?: (value: string, question: Question) => unknown;
  /** The `eleventh-ask-if` prompt: which prompt to show, and when (see conditional.ts). */
  readonly ask?: string;
  readonly askIf?: (answers: Answers) => boolean;
}

export interface PromptInstance {
  run(): Promise<unknown>;
}

export type PromptClass = new (question: Question, rl: unknown, answers: Answers) => PromptInstance;

export interface PlopGeneratorConfig {
  readonly description: string;
  readonly prompts: readonly Question[];
  readonly actions: ReadonlyArray<{ readonly type: string; readonly generator: string }>;
}

export interface PlopApi {
  getDestBasePath(): string;
  setGenerator(name: string, config: PlopGeneratorConfig): void;
  setActionType(name: string, action: (answers: Answers, config: { generator: string }) => Promise<string>): void;
  setPrompt(name: string, prompt: PromptClass): void;
  readonly inquirer: { readonly prompt: { readonly prompts: Record<string, PromptClass> } };
}
