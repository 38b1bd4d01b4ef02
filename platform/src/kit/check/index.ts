export { checkObject, checkObjects } from './check-object';
export { describeObject } from './describe';
export { findUnknownFields, type UnknownField } from './unknown-fields';
