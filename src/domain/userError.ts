/**
 * A mistake the user can fix, with a Russian message meant for them. Anything else reaching the
 * top is a bug: the user sees a short apology and the technical message goes to «Журнал».
 * It lives in domain/ so that every layer (tables, documents, forms) can raise one.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
