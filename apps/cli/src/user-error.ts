/** A mistake of the user's (bad arguments, a spec that does not load): shown as a message, never a stack trace. */
export class UserError extends Error {
  public constructor(
    message: string,
    /** The exit code: 1 for problems in the input, 2 for usage errors. */
    public readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = "UserError";
  }
}
