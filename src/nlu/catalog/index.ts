export { loadCatalog, parseCatalogFiles, readCatalogFiles, isCatalogFileName, type CatalogFile } from './loadCatalog';
export { watchCatalog, type WatchCatalogOptions } from './watchCatalog';
export { CATALOG_LIMITS } from './limits';
export { DEFAULT_MESSAGES } from './defaultMessages';
export { formatIssue, type CatalogIssue } from './issues';
