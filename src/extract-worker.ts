// A worker thread of extract-pool.ts: extracts the articles it is sent, one message per article.
import { parentPort, workerData } from 'node:worker_threads';
import { extractOne, loadExtract } from './extract-pool.js';
import type { Article } from './types.js';

const aliases = (workerData as { aliases?: Record<string, string> }).aliases;
const extract = await loadExtract();

parentPort!.on('message', (job: { seq: number; article: Article }) => {
  parentPort!.postMessage({ seq: job.seq, ...extractOne(extract, job.article, aliases) });
  parentPort!.postMessage('ready');
});
parentPort!.postMessage('ready');
