/**
 * The minimal client-side Apps Script API the sidebar uses (HtmlService's `google.script`).
 * Declared here so the sidebar does not depend on @types/google-apps-script-client.
 */
declare namespace google.script {
  /** A runner: `with…` return a new runner; any other member is a server global to call. */
  interface Runner {
    withSuccessHandler(handler: (result: any, userObject?: any) => void): Runner;
    withFailureHandler(handler: (error: any, userObject?: any) => void): Runner;
    withUserObject(userObject: any): Runner;
    [serverFunction: string]: (...args: any[]) => any;
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
