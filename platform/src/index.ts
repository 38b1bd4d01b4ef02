export * from './kit/types';
