export * from './catalog';
export * from './carts';
export * from './commerce';
export * from './content';
export * from './orders';
export * from './system';
export * from './users';
export * from './integrations';
