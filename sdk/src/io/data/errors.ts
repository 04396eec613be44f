/** A data file that cannot be read at all (missing, unreadable, not the format it claims). Exit code 2. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly fix?: string,
  ) {
    super(`${file}: ${message}${fix ? ` (${fix})` : ''}`);
    this.name = 'DataFileError';
  }
}
