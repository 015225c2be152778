export { buildBody } from './body';
export type { EntryCheck } from './body';
export { columnMapperProperty, readMappedColumns } from './columns';
export { rememberCreated, withCreatedEarlier } from './createdInRun';
export { operationProperties, operationProperty, resourceProperty } from './describe';
export { helpTextFrom } from './fieldHelp';
export { fieldProperties, fieldProperty, fieldRulesOf } from './fields';
export type { FieldBase, FieldRules } from './fields';
export { readId } from './ids';
export { runItems } from './items';
export { recordIdProperty, recordLocator, searchMethodName } from './locator';
export { article, displayNameOf, lowerName, optionNameOf, pluralOf } from './naming';
export { operationsOf, runCatalogItems, standardOperation, upsertOperation } from './operations';
export type { CommonOperationValue, Operation, Operations } from './operations';
export { excludeFieldsOption, shapeRecord, simplifyProperty } from './output';
export { readCollection } from './parameters';
export {
	DEFAULT_ITEMS_IN_PARALLEL,
	fieldsCollection,
	optionsCollection,
	pacingOptions,
	pairsProperty,
	pairsValue,
	returnAllAndLimit,
	show,
} from './properties';
export { readBack } from './readBack';
export { linksOf, upsertMatchFor } from './rules';
export type { CommonRules } from './rules';
export { pickerItem, searchMethods } from './search';
export type { RecordSource, SearchMethod } from './search';
export type { CatalogEndpoint, CatalogField, CatalogResource } from './types';
export {
	emptyMatchError,
	hasMatch,
	severalMatchError,
	upsertProperties,
	withMatchEmail,
} from './upsert';
export { writableValue } from './writable';
