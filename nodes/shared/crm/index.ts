export { buildBody } from './body';
export type { EntryCheck } from './body';
export { columnMapperProperty, readMappedColumns } from './columns';
export { operationProperties, operationProperty, resourceProperty } from './describe';
export { helpTextFrom } from './fieldHelp';
export { fieldProperties, fieldProperty } from './fields';
export type { FieldBase, FieldRules } from './fields';
export { readId } from './ids';
export { runItems } from './items';
export { recordLocator, searchMethodName } from './locator';
export { article, displayNameOf, lowerName, optionNameOf, pluralOf } from './naming';
export { operationsOf, runCatalogItems } from './operations';
export type { Operation, Operations } from './operations';
export { excludeFieldsOption, shapeRecord, simplifyProperty } from './output';
export { readCollection } from './parameters';
export {
	DEFAULT_ITEMS_IN_PARALLEL,
	pacingOptions,
	pairsProperty,
	pairsValue,
	returnAllAndLimit,
	show,
} from './properties';
export { pickerItem, searchRecords } from './search';
export type { RecordSource } from './search';
export type { CatalogEndpoint, CatalogField, CatalogResource } from './types';
