export * from './meta';
export * from './records';
export * from './references';
export * from './tables';
export * from './taxonomy';
export * from './translations';
export * from './visibility';
