/** Choice: one option of a multiple-choice, checkbox or list question (a value object). */
import type { Env } from '../core/env';
import { gasObject, unwrap } from '../core/gasObject';

export class ChoiceImpl implements Pick<GoogleAppsScript.Forms.Choice, 'getValue' | 'isCorrectAnswer'> {
  constructor(readonly value: string) {}
  getValue(): string {
    return this.value;
  }
  /** Quizzes are not emulated: no choice is a correct answer. */
  isCorrectAnswer(): boolean {
    return false;
  }
}

export function choiceObject(env: Env, value: string): GoogleAppsScript.Forms.Choice {
  return gasObject(env, 'Forms.Choice', new ChoiceImpl(value)) as unknown as GoogleAppsScript.Forms.Choice;
}

/** The value of a Choice the add-on passes back; undefined if it is not one of ours. */
export function choiceValue(choice: unknown): string | undefined {
  const raw = unwrap(choice) as unknown;
  return raw instanceof ChoiceImpl ? raw.value : undefined;
}
