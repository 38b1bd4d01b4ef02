/** Inside a render worker: render a chunk of one environment's services, reply with files and entries. */
import { parentPort, workerData } from 'node:worker_threads';
import { superviseSteps } from '../load/supervision';
import { loadConfig, type ConfigSet } from '../config/load';
import { toWire } from '../errors';
import { loadKit } from '../load/kit';
import type { FileMap } from '../render/files';
import { renderEnvServices } from './services-env';
import type { RenderTask, RenderReply } from './render-pool';

const configs = new Map<string, ConfigSet>();
superviseSteps((workerData as { board: SharedArrayBuffer }).board);

function configOf(root: string): ConfigSet {
  let config = configs.get(root);
  if (!config) {
    config = loadConfig(root);
    configs.set(root, config);
  }
  return config;
}

parentPort!.on('message', (task: RenderTask) => {
  let reply: RenderReply;
  try {
    const files: FileMap = new Map();
    const kit = loadKit(task.sourceRoot);
    const out = renderEnvServices({ ...task.input, config: configOf(task.sourceRoot), kit }, files);
    reply = { id: task.id, result: { files: [...files], ...out } };
  } catch (err) {
    reply = { id: task.id, error: toWire(err) };
  }
  parentPort!.postMessage(reply);
});
