/**
 * The minimal client-side Apps Script API the sidebar uses (HtmlService's `google.script`).
 * Declared here so the sidebar does not depend on @types/google-apps-script-client.
 */
declare namespace google.script {
  /** A runner: `with…` return a new runner; any other member is a server global to call. */
  interface Runner {
    withSuccessHandler(handler: (result: unknown, userObject?: unknown) => void): Runner;
    withFailureHandler(handler: (error: unknown, userObject?: unknown) => void): Runner;
    withUserObject(userObject: unknown): Runner;
    [serverFunction: string]: (...args: unknown[]) => unknown;
  }

  const run: Runner;

  namespace host {
    /** Closes the current dialog or sidebar. */
    function close(): void;
    function setHeight(height: number): void;
    function setWidth(width: number): void;
    const origin: string;
    namespace editor {
      function focus(): void;
    }
  }
}
