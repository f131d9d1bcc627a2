export * from './catalogue/sectors';
export * from './catalogue/commitments';
export * from './contract/errors';
export * from './contract/merchant';
export * from './contract/routes';
export * from './domain/merchant';
export * from './domain/errors';
