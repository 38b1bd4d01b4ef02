/** Inside a render worker: render a chunk of one environment's services, reply with files and entries. */
import { parentPort, workerData } from 'node:worker_threads';
import { superviseSteps } from '../load/supervision';
import { loadConfig, type ConfigSet } from '../config/load';
import { toWire } from '../errors';
import { loadKit } from '../load/kit';
import type { FileMap } from '../render/files';
import { renderEnvServices } from './services-env';
import type { RenderTask, RenderReply, ScanHint, WarmTask } from './render-pool';
import { passingFiles } from '../load/typecheck';
import { headerEntries } from '../load/services';

const configs = new Map<string, ConfigSet>();
/** Per source root, the overrides.yaml files the run's main thread found (RenderPool.shareScan). */
const hints = new Map<string, ReadonlySet<string>>();
superviseSteps((workerData as { board: SharedArrayBuffer }).board);

function configOf(root: string): ConfigSet {
  let config = configs.get(root);
  if (!config) {
    const overridesOnly = hints.get(root);
    config = loadConfig(root, overridesOnly ? { overridesOnly } : {});
    configs.set(root, config);
  }
  return config;
}

/**
 * Type-check the files, then load those that pass: their definitions stay loaded for this worker's renders.
 * The config is loaded by the first render task, after the main thread's scan hint has arrived.
 */
function warm(task: WarmTask): RenderReply {
  const { root, files } = task.warm;
  const passing = passingFiles(root, files);
  return { id: task.id, warmed: { passed: passing.entries, headers: headerEntries(root, passing.files, passing.blobs) } };
}

parentPort!.on('message', (task: RenderTask | WarmTask | ScanHint) => {
  if ('hint' in task) {
    hints.set(task.hint.root, new Set(task.hint.overrides));
    return;
  }
  let reply: RenderReply;
  try {
    if ('warm' in task) {
      parentPort!.postMessage(warm(task));
      return;
    }
    const files: FileMap = new Map();
    const kit = loadKit(task.sourceRoot);
    const out = renderEnvServices({ ...task.input, config: configOf(task.sourceRoot), kit }, files);
    reply = { id: task.id, result: { files: [...files], ...out } };
  } catch (err) {
    reply = { id: task.id, error: toWire(err) };
  }
  parentPort!.postMessage(reply);
});
