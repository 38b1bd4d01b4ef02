/**
 * A prompt asked only when a condition on the earlier answers holds: `{ type: 'eleventh-ask-if', ask:
 * 'list', askIf: (answers) => … }`. inquirer's own `when` would do it, but node-plop refuses to bypass
 * any prompt whose `when` is a function ("You can not bypass conditional prompts"), so `npx plop service
 * foo risk node worker` could not set the type. A bypassed value goes to the generator as given (which
 * decides, as under `nx g`); interactively the condition skips the prompt and leaves the answer out.
 */
import type { Answers, PromptClass, PromptInstance, Question } from './types';

export const ASK_IF = 'eleventh-ask-if';

/** The prompt class, delegating to the registered prompt `question.ask` when `question.askIf` holds. */
export function conditionalPrompt(registry: Readonly<Record<string, PromptClass>>): PromptClass {
  return class ConditionalPrompt implements PromptInstance {
    constructor(
      private readonly question: Question,
      private readonly rl: unknown,
      private readonly answers: Answers,
    ) {}

    run(): Promise<unknown> {
      const { ask = 'input', askIf } = this.question;
      if (askIf && !askIf(this.answers)) return Promise.resolve(undefined);
      const Inner = registry[ask];
      if (!Inner) return Promise.reject(new Error(`${this.question.name}: no prompt type '${ask}'`));
      return new Inner({ ...this.question, type: ask }, this.rl, this.answers).run();
    }
  };
}

/** `question` asked only when `askIf(answers)`; bypassed values are kept as typed. */
export function askIf(question: Question, condition: (answers: Answers) => boolean): Question {
  return { ...question, type: ASK_IF, ask: question.type, askIf: condition, bypass: (value) => value };
}
