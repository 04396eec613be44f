import type { ParquetParsers } from 'hyparquet';
import { isoDate, isoInstant } from '../../core/columnar/time.js';

/**
 * hyparquet's parsers for Parquet dates and timestamps, rendering them with the
 * one rule of `core/columnar/time.ts`: a DATE as `YYYY-MM-DD`, every timestamp
 * first as a UTC instant (`…Z`); `rowPresenter` then drops the `Z` of a
 * timestamp not adjusted to UTC and applies the field's `x-timezone`.
 */
export const TIME_PARSERS: Partial<ParquetParsers> = {
  dateFromDays: (days) => isoDate(days),
  timestampFromMilliseconds: (millis) => isoInstant(millis, 1000n),
  timestampFromMicroseconds: (micros) => isoInstant(micros, 1_000_000n),
  timestampFromNanoseconds: (nanos) => isoInstant(nanos, 1_000_000_000n),
};
