// A worker thread of extract-pool.ts: extracts the articles it is sent, one message per article.
import { parentPort, workerData } from 'node:worker_threads';
import { rememberEnglishRatio } from './articles/language.js';
import { extractOne, type Job, loadExtract } from './extract-pool.js';

const aliases = (workerData as { aliases?: Record<string, string> }).aliases;
const extract = await loadExtract();

parentPort!.on('message', (job: Job) => {
  if (job.english) rememberEnglishRatio(job.article.text, job.english);
  parentPort!.postMessage({ seq: job.seq, ...extractOne(extract, job.article, aliases) });
});
// (once, when loaded: the pool tells a worker that dies later from one that could not start)
parentPort!.postMessage('ready');
