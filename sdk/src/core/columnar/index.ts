export { isoDate, isoInstant, isoLocal, timeOfDay } from './time.js';
export { parseZone, zoneAt, withZone, timeSuffix, TimezoneError, ZONE_FIX, type Zone } from './zone.js';
export { decimalNumber, decimalText, int64Value } from './numbers.js';
export { presentTime, presentTimestamp, zonedLocal } from './present.js';
