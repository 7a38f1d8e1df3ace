/**
 * Counts every service call the add-on makes and charges each a simulated latency, so tests and
 * benchmarks can say "this operation costs N calls / ≈ T s of Apps Script time".
 *
 * The latency table is an estimate from public measurements of Apps Script (see emulator/README.md);
 * it exists to compare designs (batch vs. per-cell I/O), not to predict wall-clock time exactly.
 */

/** Simulated milliseconds charged per call, by "Class.method"; falls back to the class, then default. */
export const LATENCY_MS: Readonly<Record<string, number>> = {
  default: 1,
  // Spreadsheet reads and writes go to the Sheets backend; writes are queued and flushed.
  'Range.getValues': 60,
  'Range.getDisplayValues': 60,
  'Range.getValue': 40,
  'Range.getDisplayValue': 40,
  'Range.getFormulas': 60,
  'Range.getBackgrounds': 60,
  'Range.getNumberFormats': 60,
  'Range.setValues': 80,
  'Range.setValue': 50,
  'Range.setFormula': 50,
  'Range.setFormulas': 80,
  'Range.setBackground': 30,
  'Range.setBackgrounds': 60,
  'Range.setFontWeight': 30,
  'Range.setFontWeights': 60,
  'Range.setNumberFormat': 30,
  'Range.setDataValidation': 40,
  'Range.protect': 150,
  'Sheet.appendRow': 70,
  'Sheet.getLastRow': 20,
  'Sheet.getLastColumn': 20,
  'Sheet.insertRowsAfter': 80,
  'Sheet.insertColumnsAfter': 80,
  'Sheet.deleteRows': 80,
  'Sheet.setConditionalFormatRules': 80,
  'Sheet.getConditionalFormatRules': 40,
  'Sheet.setColumnWidth': 30,
  'Sheet.setFrozenRows': 30,
  'Sheet.protect': 150,
  // Embedded charts: inserting/updating/removing one is a structural change; builders are local.
  'Sheet.insertChart': 300,
  'Sheet.updateChart': 300,
  'Sheet.removeChart': 150,
  'Sheet.getCharts': 60,
  'Spreadsheet.insertSheet': 300,
  'Spreadsheet.deleteSheet': 200,
  'Spreadsheet.getSheetByName': 10,
  'SpreadsheetApp.getActiveSpreadsheet': 5,
  'SpreadsheetApp.flush': 100,
  'Ui.alert': 0,
  'Ui.prompt': 0,
  'PropertiesService.getDocumentProperties': 5,
  'Properties.getProperty': 10,
  'Properties.getProperties': 20,
  'Properties.setProperty': 30,
  'Properties.setProperties': 40,
  'Lock.tryLock': 10,
  'Lock.waitLock': 10,
  'Cache.get': 5,
  'Cache.put': 10,
  'HtmlService.createHtmlOutputFromFile': 20,
  'Ui.showSidebar': 200,
  'Ui.showModalDialog': 200,
  // Docs: creating/opening a document and saving it go to the Docs backend; element edits are
  // batched in the open document and cost little each.
  'DocumentApp.create': 1200,
  'DocumentApp.openById': 400,
  'DocumentApp.openByUrl': 400,
  'Document.saveAndClose': 400,
  'Document.getAs': 2500,
  'Document.getBody': 5,
  Body: 5,
  Paragraph: 3,
  Text: 3,
  Table: 5,
  TableRow: 3,
  TableCell: 3,
  RangeElement: 1,
  'Body.replaceText': 30,
  'Body.findText': 20,
  'Body.appendTable': 30,
  // Drive: every call is a Drive API request.
  'DriveApp.getRootFolder': 100,
  'DriveApp.getFolderById': 150,
  'DriveApp.getFileById': 150,
  'DriveApp.createFolder': 400,
  'DriveApp.createFile': 600,
  'DriveApp.getFilesByName': 300,
  'DriveApp.getFoldersByName': 300,
  'DriveApp.getFiles': 300,
  'DriveApp.getFolders': 300,
  File: 100,
  Folder: 100,
  'File.makeCopy': 1500,
  'File.getAs': 2500,
  'File.getBlob': 1000,
  'File.moveTo': 300,
  'File.setTrashed': 300,
  'File.setSharing': 300,
  'File.addEditor': 500,
  'File.addViewer': 500,
  'Folder.createFolder': 400,
  'Folder.createFile': 600,
  'Folder.getFilesByName': 300,
  'Folder.getFoldersByName': 300,
  'Folder.getFiles': 300,
  'Folder.getFolders': 300,
  'Folder.addEditor': 500,
  'Folder.setSharing': 300,
  // The Advanced Drive service (Drive API v3): one REST request per call, like DriveApp's.
  'Drive.Files.get': 150,
  'Drive.Files.list': 300,
  'Drive.Files.create': 500,
  'Drive.Files.copy': 1500,
  'Drive.Files.update': 300,
  'Drive.Files.remove': 300,
  'Drive.Permissions.create': 500,
  'Drive.Permissions.list': 150,
  'Drive.Permissions.remove': 300,
  FileIterator: 50,
  FolderIterator: 50,
  'FileIterator.hasNext': 5,
  'FolderIterator.hasNext': 5,
};

export interface CallSummary {
  total: number;
  byMethod: Record<string, number>;
  simulatedMs: number;
}

/** "Range" of the reference's qualified "Spreadsheet.Range": the name the call log and messages use. */
export function shortClassName(className: string): string {
  // An advanced service keeps its symbol in the log ("Drive.Files.copy"): its objects are not the
  // reference's classes, and "Files.copy" alone would not say which API was called.
  if (className.startsWith(ADVANCED_PREFIX)) return className.slice(ADVANCED_PREFIX.length);
  return className.slice(className.lastIndexOf('.') + 1);
}

/** Marks the class name of an advanced service's object: "advanced:Drive.Files". */
export const ADVANCED_PREFIX = 'advanced:';

export class CallLog {
  private byMethod = new Map<string, number>();
  /** Every method called since the log was made, as namespace.Class.method; reset() keeps it. */
  private readonly called = new Set<string>();
  private total = 0;
  private simulatedMs = 0;
  /** Charge latency into simulated time (off by default in unit tests of the emulator). */
  constructor(private readonly latency: Readonly<Record<string, number>> = LATENCY_MS) {}

  /**
   * Records one call and returns the milliseconds it costs. `className` may be qualified by its
   * namespace in Google's reference ("Spreadsheet.Range"); counts and latency go by the class alone.
   */
  record(className: string, method: string): number {
    this.called.add(`${className}.${method}`);
    const shortName = shortClassName(className);
    const key = `${shortName}.${method}`;
    this.byMethod.set(key, (this.byMethod.get(key) ?? 0) + 1);
    this.total++;
    const ms = this.latency[key] ?? this.latency[shortName] ?? this.latency.default ?? 0;
    this.simulatedMs += ms;
    return ms;
  }

  summary(): CallSummary {
    const byMethod: Record<string, number> = {};
    for (const key of [...this.byMethod.keys()].sort()) byMethod[key] = this.byMethod.get(key)!;
    return { total: this.total, byMethod, simulatedMs: this.simulatedMs };
  }

  /** Every distinct method called, sorted ("Spreadsheet.Range.getValues"; unqualified classes as given). */
  calledMethods(): string[] {
    return [...this.called].sort();
  }

  /** Clears the counts; the record of which methods were called stays. */
  reset(): void {
    this.byMethod.clear();
    this.total = 0;
    this.simulatedMs = 0;
  }
}
