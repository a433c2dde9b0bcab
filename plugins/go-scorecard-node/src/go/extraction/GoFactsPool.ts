import {
  isMainThread,
  parentPort,
  Worker,
  workerData,
} from 'node:worker_threads';
import { messageOf } from '../../text/messageOf';
import { GoParser } from '../GoParser';
import { Vocabulary, VocabularySnapshot } from '../vocabulary';
import { extractFiles, GoExtraction, GoSourceFile } from './extractFiles';
import { DeclarationsReading, readDeclarations } from './readDeclarations';

/** Options of {@link GoFactsPool.create}. */
export interface GoFactsPoolOptions {
  /** Number of worker threads (at least 1). */
  size: number;
  /** Time budget for parsing one Go file, in ms. */
  parseTimeoutMs: number;
  /** The worker's entry module; this module by default (tests start a broken one). */
  workerFile?: string;
}

/**
 * Thrown by {@link GoFactsPool.extract} and {@link GoFactsPool.declarations} when worker
 * threads cannot start here (three died before finishing any work): the caller does the work
 * on its own thread instead.
 */
export class PoolUnavailableError extends Error {
  readonly name = 'PoolUnavailableError';
}

/** Workers that die before finishing any batch, after which the pool gives up on threads. */
const MAX_START_FAILURES = 3;

/** Marks a worker thread started by the pool (this module is the worker's entry too). */
const WORKER_ROLE = 'go-scorecard-facts-worker';
/** Text per batch sent to a worker, in UTF-16 code units: small enough to spread the work evenly. */
const BATCH_CHARS = 64 * 1024;
const BATCH_FILES = 32;
/**
 * The same for a batch of declarations to read, which takes a small part of the time
 * extraction does: larger batches keep the messages' cost small beside the work.
 */
const DECLARATIONS_BATCH_CHARS = 256 * 1024;
const DECLARATIONS_BATCH_FILES = 128;
/**
 * Batches a worker holds at once: one being extracted and some waiting, so that it never
 * idles while the main thread is busy (reading results, linking another scan).
 */
const IN_FLIGHT = 4;

type ToWorker =
  | { type: 'vocabulary'; job: number; snapshot: VocabularySnapshot }
  | { type: 'extract'; job: number; batch: number; files: GoSourceFile[] }
  | { type: 'declarations'; batch: number; texts: string[] }
  | { type: 'forget'; job: number };

/**
 * A batch's results as JSON text: one flat string crosses threads far cheaper than the
 * structured clone of many small objects, and the facts and declarations are plain JSON data
 * (the cache stores them the same way).
 */
type FromWorker = { type: 'done'; batch: number; results: string };

/** A job's work: extracting facts under a vocabulary, or reading declarations. */
type Work =
  | { type: 'extract'; vocabulary: Vocabulary; snapshot?: VocabularySnapshot }
  | { type: 'declarations' };

/** A job of either work; its results are what the worker sent back for its kind of work. */
interface Job {
  id: number;
  work: Work;
  results: unknown[];
  remaining: number;
  settled: boolean;
  /** The result of a file held by a worker that died (`why` says how). */
  lost(why: string): unknown;
  onBatch?: (from: number, results: unknown[]) => void;
  /** Stops listening to the job's abort signal. */
  detach?: () => void;
  resolve(results: unknown[]): void;
  reject(reason: unknown): void;
}

interface Batch {
  id: number;
  job: Job;
  from: number;
  files: GoSourceFile[];
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Batch>;
  jobs: Set<number>;
  /** Batches this worker finished. */
  done: number;
}

/**
 * Go fact extraction on worker threads (`node:worker_threads`), one tree-sitter parser per
 * worker, and the reading of the files' declarations that comes before it. A job's files go
 * out in batches to whichever worker is free; the results come back in the files' order,
 * equal to {@link extractFiles} (or {@link readDeclarations}) on one thread (each file's facts
 * depend only on its path, its text and the vocabulary, which every worker receives; its
 * declarations only on its text). Jobs of concurrent scans share the workers. A worker that
 * dies fails the files it held (`{ error }`) and is replaced. Workers hold the process open
 * only while they have work.
 */
export class GoFactsPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Batch[] = [];
  private nextId = 1;
  private closed = false;
  private startFailures = 0;
  private unavailable?: PoolUnavailableError;

  private constructor(private readonly options: GoFactsPoolOptions) {}

  /** A pool of `size` workers; they start with the first job. */
  static create(options: GoFactsPoolOptions): GoFactsPool {
    return new GoFactsPool({ ...options, size: Math.max(1, options.size) });
  }

  /** Number of worker threads. */
  get size(): number {
    return this.options.size;
  }

  /**
   * The facts of each file, in order. Rejects only when `signal` aborts or the pool is
   * closed; a file that cannot be extracted gives `{ error }`. `onBatch` sees each batch's
   * results as they arrive (`from` is the index of its first file), so that a caller can
   * keep them before the whole job is done.
   */
  extract(
    files: readonly GoSourceFile[],
    vocabulary: Vocabulary,
    signal?: AbortSignal,
    onBatch?: (from: number, results: GoExtraction[]) => void,
  ): Promise<GoExtraction[]> {
    return this.run<GoExtraction>(
      files,
      { type: 'extract', vocabulary },
      why => ({ error: `the extraction worker stopped (${why})` }),
      BATCH_CHARS,
      BATCH_FILES,
      signal,
      onBatch,
    );
  }

  /**
   * The package-level declarations of each file, in order, as {@link readDeclarations} reads
   * them; rejects only as {@link GoFactsPool.extract} does. A file that could not be read
   * (its worker died holding it) gives `{ error }`: the caller reads it on its own thread.
   * `onBatch` sees each batch's results as they arrive, so that a caller can merge them
   * while the workers read the rest.
   */
  declarations(
    files: readonly GoSourceFile[],
    signal?: AbortSignal,
    onBatch?: (from: number, results: DeclarationsReading[]) => void,
  ): Promise<DeclarationsReading[]> {
    return this.run<DeclarationsReading>(
      files,
      { type: 'declarations' },
      why => ({ error: `the declarations worker stopped (${why})` }),
      DECLARATIONS_BATCH_CHARS,
      DECLARATIONS_BATCH_FILES,
      signal,
      onBatch,
    );
  }

  private run<R>(
    files: readonly GoSourceFile[],
    work: Work,
    lost: (why: string) => R,
    batchChars: number,
    batchFiles: number,
    signal?: AbortSignal,
    onBatch?: (from: number, results: R[]) => void,
  ): Promise<R[]> {
    if (this.closed) return Promise.reject(new Error('GoFactsPool is closed'));
    if (this.unavailable) return Promise.reject(this.unavailable);
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!files.length) return Promise.resolve([]);
    return new Promise<R[]>((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        work,
        results: new Array(files.length),
        remaining: files.length,
        settled: false,
        lost,
        // The worker sent back R's for this job's work.
        onBatch: onBatch && ((from, results) => onBatch(from, results as R[])),
        resolve: results => resolve(results as R[]),
        reject,
      };
      if (signal) {
        const onAbort = () => this.fail(job, signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        job.detach = () => signal.removeEventListener('abort', onAbort);
      }
      const queued = [...batches(files, batchChars, batchFiles)].map(batch => ({
        id: this.nextId++,
        job,
        ...batch,
      }));
      if (work.type === 'extract') {
        for (const batch of queued) this.queue.push(batch);
      } else {
        // Declarations go ahead of waiting extraction: a scan's whole extraction waits on
        // its vocabulary, and they are quick to read.
        const at = this.queue.findIndex(b => b.job.work.type === 'extract');
        this.queue.splice(at < 0 ? this.queue.length : at, 0, ...queued);
      }
      this.dispatch();
    });
  }

  /** Stops every worker; pending jobs reject. */
  async close(): Promise<void> {
    this.closed = true;
    for (const batch of this.queue.splice(0))
      this.fail(batch.job, new Error('GoFactsPool is closed'));
    const slots = this.slots.splice(0);
    for (const slot of slots)
      for (const batch of slot.inFlight.values())
        this.fail(batch.job, new Error('GoFactsPool is closed'));
    await Promise.all(slots.map(s => s.worker.terminate()));
  }

  private dispatch() {
    while (this.slots.length < this.options.size && this.queue.length) {
      this.slots.push(this.spawn());
    }
    for (const slot of this.slots) {
      while (slot.inFlight.size < IN_FLIGHT && this.queue.length) {
        const batch = this.queue.shift()!;
        if (batch.job.settled) continue;
        const { job } = batch;
        const { work } = job;
        if (work.type === 'extract' && !slot.jobs.has(job.id)) {
          work.snapshot ??= work.vocabulary.snapshot();
          this.post(slot, {
            type: 'vocabulary',
            job: job.id,
            snapshot: work.snapshot,
          });
          slot.jobs.add(job.id);
        }
        if (!slot.inFlight.size) slot.worker.ref();
        slot.inFlight.set(batch.id, batch);
        this.post(
          slot,
          work.type === 'extract'
            ? {
                type: 'extract',
                job: job.id,
                batch: batch.id,
                files: batch.files,
              }
            : {
                type: 'declarations',
                batch: batch.id,
                texts: batch.files.map(f => f.text),
              },
        );
      }
    }
  }

  private post(slot: Slot, message: ToWorker) {
    slot.worker.postMessage(message);
  }

  private spawn(): Slot {
    const fromSource = __filename.endsWith('.ts');
    const worker = new Worker(this.options.workerFile ?? __filename, {
      workerData: {
        role: WORKER_ROLE,
        parseTimeoutMs: this.options.parseTimeoutMs,
      },
      // From the TypeScript sources (tests, the repository's CLI), the worker compiles them
      // as the main thread does; from a build, it runs with the main thread's flags.
      execArgv: fromSource
        ? [
            '--require',
            require.resolve('@backstage/cli/config/nodeTransform.cjs'),
          ]
        : undefined,
    });
    const slot: Slot = {
      worker,
      inFlight: new Map(),
      jobs: new Set(),
      done: 0,
    };
    worker.unref();
    worker.on('message', (message: FromWorker) => this.received(slot, message));
    worker.on('error', e => this.lost(slot, messageOf(e)));
    worker.on('exit', code => this.lost(slot, `exited with code ${code}`));
    return slot;
  }

  private received(slot: Slot, message: FromWorker) {
    const batch = slot.inFlight.get(message.batch);
    if (!batch) return;
    slot.inFlight.delete(message.batch);
    slot.done++;
    if (!slot.inFlight.size) slot.worker.unref();
    this.complete(batch, JSON.parse(message.results));
    this.dispatch();
  }

  /**
   * A worker died. One that had finished work before fails the files it held (one of them may
   * be what killed it) and a new worker takes its place. One that died before doing any work
   * hands its batches back to the queue; when that happens {@link MAX_START_FAILURES} times,
   * threads do not work here: every job waiting rejects with {@link PoolUnavailableError}, and
   * so does every later one.
   */
  private lost(slot: Slot, why: string) {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    const held = [...slot.inFlight.values()];
    slot.inFlight.clear();
    if (slot.done) {
      for (const batch of held) {
        this.complete(
          batch,
          batch.files.map(() => batch.job.lost(why)),
        );
      }
    } else {
      this.queue.unshift(...held);
      if (++this.startFailures >= MAX_START_FAILURES) {
        this.unavailable = new PoolUnavailableError(
          `worker threads cannot start (${why})`,
        );
        const jobs = new Set(this.queue.splice(0).map(b => b.job));
        for (const other of this.slots.splice(0)) {
          for (const b of other.inFlight.values()) jobs.add(b.job);
          other.worker.terminate().catch(() => {});
        }
        for (const job of jobs) this.fail(job, this.unavailable);
        return;
      }
    }
    if (!this.closed) this.dispatch();
  }

  private complete(batch: Batch, results: unknown[]) {
    const { job } = batch;
    if (job.settled) return;
    results.forEach((r, k) => {
      job.results[batch.from + k] = r;
    });
    try {
      job.onBatch?.(batch.from, results);
    } catch (e) {
      // The caller could not take the batch: the job fails rather than wait for ever.
      this.fail(job, e);
      return;
    }
    job.remaining -= batch.files.length;
    if (job.remaining === 0) {
      job.settled = true;
      job.detach?.();
      this.forget(job);
      job.resolve(job.results);
    }
  }

  private fail(job: Job, reason: unknown) {
    if (job.settled) return;
    job.settled = true;
    job.detach?.();
    // Its waiting batches go now: they hold the files' texts.
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].job === job) this.queue.splice(i, 1);
    }
    this.forget(job);
    job.reject(reason);
  }

  private forget(job: Job) {
    for (const slot of this.slots) {
      if (slot.jobs.delete(job.id))
        this.post(slot, { type: 'forget', job: job.id });
    }
  }
}

/** Consecutive runs of at most `maxFiles` files of about `maxChars` of text each. */
function* batches(
  files: readonly GoSourceFile[],
  maxChars: number,
  maxFiles: number,
): Generator<{ from: number; files: GoSourceFile[] }> {
  let from = 0;
  while (from < files.length) {
    let to = from;
    let chars = 0;
    while (
      to < files.length &&
      to - from < maxFiles &&
      (to === from || chars + files[to].text.length <= maxChars)
    ) {
      chars += files[to].text.length;
      to++;
    }
    yield { from, files: files.slice(from, to) };
    from = to;
  }
}

/**
 * The worker's side: extracts each batch with its own parser and the job's vocabulary, and
 * reads each batch of declarations (which needs no parser, so it starts at once).
 */
function runWorker(port: NonNullable<typeof parentPort>, timeoutMs: number) {
  const parser = GoParser.create({ timeoutMs });
  // A failed start fails each batch, not the thread: the pool would only start another.
  parser.catch(() => {});
  const vocabularies = new Map<number, Vocabulary>();
  let chain = Promise.resolve();
  const handle = async (message: ToWorker) => {
    switch (message.type) {
      case 'vocabulary':
        vocabularies.set(
          message.job,
          Vocabulary.fromSnapshot(message.snapshot),
        );
        return;
      case 'forget':
        vocabularies.delete(message.job);
        return;
      case 'extract': {
        let results: GoExtraction[];
        try {
          const vocabulary = vocabularies.get(message.job);
          if (!vocabulary) throw new Error('no vocabulary for this scan');
          results = extractFiles(await parser, message.files, vocabulary);
        } catch (e) {
          const error = `cannot extract: ${messageOf(e)}`;
          results = message.files.map(() => ({ error }));
        }
        const reply: FromWorker = {
          type: 'done',
          batch: message.batch,
          results: JSON.stringify(results),
        };
        port.postMessage(reply);
        return;
      }
      case 'declarations': {
        const reply: FromWorker = {
          type: 'done',
          batch: message.batch,
          results: JSON.stringify(readDeclarations(message.texts)),
        };
        port.postMessage(reply);
        return;
      }
      default:
    }
  };
  port.on('message', (message: ToWorker) => {
    // A reply that cannot be made (a result JSON cannot hold, a closed port) would leave its
    // batch waiting for ever: the thread ends instead, and the pool fails what it held and
    // starts another (see GoFactsPool.lost).
    chain = chain.then(() => handle(message)).catch(() => process.exit(1));
  });
}

if (!isMainThread && parentPort && workerData?.role === WORKER_ROLE) {
  runWorker(parentPort, workerData.parseTimeoutMs);
}
