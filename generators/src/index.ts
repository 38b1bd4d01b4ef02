export { createNodes, SERVICE_GLOB } from './plugin/create-nodes';
