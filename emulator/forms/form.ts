/** Form: a Google Form's settings, items, destination and responses. */
import { signatureError, unwrap } from '../core/gasObject';
import { driveUser } from '../drive/user';
import { isDate, Wrapped, wrap } from '../services/common';
import { editUrl, publishedUrl, requireForm, NO_ITEM_WITH_ID, type FormsCtx, type GForm, type GItem } from './context';
import { appendResponseRow, createResponseSheet, destinationSheet, syncHeaders } from './destination';
import { DestinationType, ItemType } from './enums';
import { itemObject } from './item';
import { ItemBase } from './itemBase';
import { newItemModel, type FormModel, type ItemModel, type ItemTypeName } from './model';
import { typedItemObject } from './questionItems';
import { responseObject } from './response';

type FF = GoogleAppsScript.Forms.Form;
type Members =
  | 'getId'
  | 'getTitle'
  | 'setTitle'
  | 'getDescription'
  | 'setDescription'
  | 'getConfirmationMessage'
  | 'setConfirmationMessage'
  | 'collectsEmail'
  | 'setCollectEmail'
  | 'canEditResponse'
  | 'setAllowResponseEdits'
  | 'isAcceptingResponses'
  | 'setAcceptingResponses'
  | 'isPublished'
  | 'setPublished'
  | 'supportsAdvancedResponderPermissions'
  | 'addEditor'
  | 'addEditors'
  | 'getEditors'
  | 'removeEditor'
  | 'setDestination'
  | 'getDestinationId'
  | 'getDestinationType'
  | 'removeDestination'
  | 'getPublishedUrl'
  | 'getEditUrl'
  | 'getItems'
  | 'getItemById'
  | 'deleteItem'
  | 'moveItem'
  | 'addTextItem'
  | 'addParagraphTextItem'
  | 'addMultipleChoiceItem'
  | 'addCheckboxItem'
  | 'addListItem'
  | 'addScaleItem'
  | 'addDateItem'
  | 'addSectionHeaderItem'
  | 'getResponses'
  | 'getResponse'
  | 'createResponse'
  | 'deleteResponse'
  | 'deleteAllResponses';

/** Our wordings where Apps Script's are not documented (see emulator/README.md). */
export const NO_DESTINATION = 'The form currently has no response destination.';
export const noResponse = (id: string) => `No response with ID ${id} exists for this form.`;
export const BAD_INDEX = 'Invalid argument: index';
/** Drive's text for a malformed address (the emulator's DriveApp uses it too). */
export const invalidEmail = (address: string) => `Invalid email: ${address}`;
const EMAIL_RE = /^[^\s@,;<>"()]+@[^\s@,;<>"()]+\.[^\s@,;<>"()]+$/;

export class FormImpl extends Wrapped implements Pick<FF, Members> {
  constructor(
    readonly ctx: FormsCtx,
    readonly formId: string,
  ) {
    super();
  }

  private get form(): FormModel {
    return requireForm(this.ctx, this.formId);
  }

  private ret(): GForm {
    return this._self as unknown as GForm;
  }

  private check(method: string, args: unknown[], ok: boolean): void {
    if (!ok) throw signatureError(this.ctx.env, `FormApp.Form.${method}`, args);
  }

  private setString(key: 'title' | 'description' | 'confirmationMessage', method: string, value: unknown): GForm {
    this.check(method, [value], typeof value === 'string');
    this.form[key] = value as string;
    return this.ret();
  }

  private setFlag(
    key: 'collectEmail' | 'allowResponseEdits' | 'acceptingResponses' | 'published',
    method: string,
    value: unknown,
  ): GForm {
    this.check(method, [value], typeof value === 'boolean');
    this.form[key] = value as boolean;
    return this.ret();
  }

  getId(): string {
    return this.formId;
  }
  getTitle(): string {
    return this.form.title;
  }
  setTitle(title: string): GForm {
    return this.setString('title', 'setTitle', title);
  }
  getDescription(): string {
    return this.form.description;
  }
  setDescription(description: string): GForm {
    return this.setString('description', 'setDescription', description);
  }
  getConfirmationMessage(): string {
    return this.form.confirmationMessage;
  }
  setConfirmationMessage(message: string): GForm {
    return this.setString('confirmationMessage', 'setConfirmationMessage', message);
  }
  collectsEmail(): boolean {
    return this.form.collectEmail;
  }
  /** Turned on after the destination exists, the e-mail column is added at the end of the header. */
  setCollectEmail(collect: boolean): GForm {
    this.setFlag('collectEmail', 'setCollectEmail', collect);
    syncHeaders(this.ctx.spreadsheet, this.form);
    return this.ret();
  }
  canEditResponse(): boolean {
    return this.form.allowResponseEdits;
  }
  setAllowResponseEdits(enabled: boolean): GForm {
    return this.setFlag('allowResponseEdits', 'setAllowResponseEdits', enabled);
  }
  isAcceptingResponses(): boolean {
    return this.form.acceptingResponses;
  }
  setAcceptingResponses(enabled: boolean): GForm {
    return this.setFlag('acceptingResponses', 'setAcceptingResponses', enabled);
  }
  /** Respondents can answer only a published form (that also accepts responses). */
  isPublished(): boolean {
    return this.form.published;
  }
  setPublished(enabled: boolean): GForm {
    return this.setFlag('published', 'setPublished', enabled);
  }
  /** Every form here is a current one, so publishing is always supported. */
  supportsAdvancedResponderPermissions(): boolean {
    return true;
  }

  // ------------------------------------------------------------ sharing

  private email(method: string, user: unknown): string {
    let email: unknown = user;
    if (user && typeof user === 'object' && typeof (user as { getEmail?: unknown }).getEmail === 'function')
      email = (user as { getEmail: () => unknown }).getEmail();
    this.check(method, [user], typeof email === 'string');
    if (!EMAIL_RE.test(email as string)) throw this.ctx.env.error(invalidEmail(email as string));
    return email as string;
  }

  /** The owner is never listed among the editors (as the emulator's DriveApp). */
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): GForm {
    const email = this.email('addEditor', emailAddress);
    const form = this.form;
    const same = (e: string) => e.toLowerCase() === email.toLowerCase();
    if (!same(form.owner) && !form.editors.some(same)) form.editors.push(email);
    return this.ret();
  }
  addEditors(emailAddresses: string[]): GForm {
    this.check('addEditors', [emailAddresses], Array.isArray(emailAddresses));
    for (const e of emailAddresses) this.addEditor(e);
    return this.ret();
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    return this.form.editors.map((e) => driveUser(this.ctx.env, e) as unknown as GoogleAppsScript.Base.User);
  }
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): GForm {
    const email = this.email('removeEditor', emailAddress).toLowerCase();
    const form = this.form;
    form.editors = form.editors.filter((e) => e.toLowerCase() !== email);
    return this.ret();
  }

  /**
   * Links the form to the workspace's spreadsheet: a new sheet «Ответы на форму (N)» receives the
   * responses (existing ones are copied in, as Google does). Linking again to the same spreadsheet
   * while its sheet exists changes nothing.
   */
  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): GForm {
    this.check(
      'setDestination',
      [type, id],
      type === (DestinationType.SPREADSHEET as unknown) && typeof id === 'string',
    );
    const ss = this.ctx.spreadsheet;
    if (id !== ss.id) throw this.ctx.env.error(NO_ITEM_WITH_ID);
    const form = this.form;
    if (destinationSheet(ss, form)) return this.ret();
    createResponseSheet(ss, form);
    for (const response of form.responses) appendResponseRow(ss, form, response);
    return this.ret();
  }
  getDestinationId(): string {
    const d = this.form.destination;
    if (!d) throw this.ctx.env.error(NO_DESTINATION);
    return d.spreadsheetId;
  }
  getDestinationType(): GoogleAppsScript.Forms.DestinationType {
    if (!this.form.destination) throw this.ctx.env.error(NO_DESTINATION);
    return DestinationType.SPREADSHEET as unknown as GoogleAppsScript.Forms.DestinationType;
  }
  /** Unlinks; the response sheet stays in the spreadsheet (and Sheet.getFormUrl() becomes null). */
  removeDestination(): GForm {
    this.form.destination = null;
    return this.ret();
  }
  getPublishedUrl(): string {
    return publishedUrl(this.formId);
  }
  getEditUrl(): string {
    return editUrl(this.formId);
  }

  // ------------------------------------------------------------ items

  getItems(itemType?: GoogleAppsScript.Forms.ItemType): GItem[] {
    let items = this.form.items;
    if (itemType !== undefined) {
      const type = (Object.keys(ItemType) as Array<keyof typeof ItemType>).find(
        (k) => ItemType[k] === (itemType as unknown),
      );
      this.check('getItems', [itemType], type !== undefined);
      items = items.filter((i) => i.type === type);
    }
    return items.map((i) => itemObject(this.ctx, this.formId, i));
  }

  /** null when no item has that id. */
  getItemById(id: number): GItem {
    this.check('getItemById', [id], typeof id === 'number');
    const item = this.form.items.find((i) => i.id === id);
    return (item ? itemObject(this.ctx, this.formId, item) : null) as GItem;
  }

  /** The item's 0-based index, from an index or an Item of this form. */
  private indexOf(method: string, x: unknown): number {
    const items = this.form.items;
    if (typeof x === 'number') {
      if (!Number.isInteger(x) || x < 0 || x >= items.length) throw this.ctx.env.error(BAD_INDEX);
      return x;
    }
    const raw = unwrap(x) as unknown;
    this.check(method, [x], raw instanceof ItemBase);
    const item = raw as ItemBase<unknown>;
    const i = item.formId === this.formId ? items.findIndex((it) => it.id === item.itemId) : -1;
    if (i < 0) throw this.ctx.env.error(BAD_INDEX);
    return i;
  }

  /** A deleted question keeps its column (and answers) in the response sheet, as in Google. */
  deleteItem(x: number | GItem): void {
    this.form.items.splice(this.indexOf('deleteItem', x), 1);
  }

  moveItem(x: number | GItem, toIndex: number): GItem {
    const from = this.indexOf('moveItem', x);
    const items = this.form.items;
    if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= items.length) throw this.ctx.env.error(BAD_INDEX);
    const [item] = items.splice(from, 1);
    items.splice(toIndex, 0, item);
    return itemObject(this.ctx, this.formId, item);
  }

  private add<T>(type: ItemTypeName): T {
    const form = this.form;
    const item: ItemModel = newItemModel(this.ctx.forms.nextItemId++, type);
    form.items.push(item);
    return typedItemObject<T>(this.ctx, this.formId, item);
  }
  addTextItem() {
    return this.add<GoogleAppsScript.Forms.TextItem>('TEXT');
  }
  addParagraphTextItem() {
    return this.add<GoogleAppsScript.Forms.ParagraphTextItem>('PARAGRAPH_TEXT');
  }
  addMultipleChoiceItem() {
    return this.add<GoogleAppsScript.Forms.MultipleChoiceItem>('MULTIPLE_CHOICE');
  }
  addCheckboxItem() {
    return this.add<GoogleAppsScript.Forms.CheckboxItem>('CHECKBOX');
  }
  addListItem() {
    return this.add<GoogleAppsScript.Forms.ListItem>('LIST');
  }
  addScaleItem() {
    return this.add<GoogleAppsScript.Forms.ScaleItem>('SCALE');
  }
  addDateItem() {
    return this.add<GoogleAppsScript.Forms.DateItem>('DATE');
  }
  addSectionHeaderItem() {
    return this.add<GoogleAppsScript.Forms.SectionHeaderItem>('SECTION_HEADER');
  }

  // ------------------------------------------------------------ responses

  /** All responses, or those submitted at or after `timestamp`. */
  getResponses(timestamp?: GoogleAppsScript.Base.Date): GoogleAppsScript.Forms.FormResponse[] {
    if (timestamp !== undefined) this.check('getResponses', [timestamp], isDate(timestamp));
    const from = timestamp === undefined ? -Infinity : timestamp.getTime();
    return this.form.responses
      .filter((r) => r.timestampMs >= from)
      .map((r) => responseObject(this.ctx, this.formId, r));
  }

  /** A new, empty response for the script to fill (withItemResponse) and prefill or submit. */
  createResponse(): GoogleAppsScript.Forms.FormResponse {
    requireForm(this.ctx, this.formId);
    return responseObject(this.ctx, this.formId, null);
  }

  private findResponse(method: string, id: unknown): number {
    this.check(method, [id], typeof id === 'string');
    const i = this.form.responses.findIndex((r) => r.id === id);
    if (i < 0) throw this.ctx.env.error(noResponse(String(id)));
    return i;
  }

  getResponse(responseId: string): GoogleAppsScript.Forms.FormResponse {
    const i = this.findResponse('getResponse', responseId);
    return responseObject(this.ctx, this.formId, this.form.responses[i]);
  }

  /** The response sheet keeps its row, as in Google. */
  deleteResponse(responseId: string): GForm {
    this.form.responses.splice(this.findResponse('deleteResponse', responseId), 1);
    return this.ret();
  }

  deleteAllResponses(): GForm {
    this.form.responses = [];
    return this.ret();
  }
}

export function formObject(ctx: FormsCtx, formId: string): GForm {
  return wrap(ctx.env, 'Forms.Form', new FormImpl(ctx, formId)) as unknown as GForm;
}
