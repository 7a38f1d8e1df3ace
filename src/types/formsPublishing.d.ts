/**
 * Publishing members of Google's Forms reference that @types/google-apps-script lacks
 * (gas-types-detailed mirrors them): forms made through the API after 30 June 2026 start unpublished.
 * https://developers.google.com/apps-script/reference/forms/form#setPublished(Boolean)
 */
declare namespace GoogleAppsScript.Forms {
  interface Form {
    isPublished(): boolean;
    setPublished(enabled: boolean): Form;
    supportsAdvancedResponderPermissions(): boolean;
  }
  interface FormApp {
    create(title: string, isPublished: boolean): Form;
  }
}
