import type { JobResult, WorkerJob } from '../../shared/workerProtocol';

/**
 * Where the Keras jobs run: the validation's long-lived worker for the parses (milliseconds once
 * warm), its data-check worker for an export (which checks the model file with its data first).
 */
export interface KerasJobs {
  request(job: WorkerJob): Promise<JobResult>;
  requestWithData(job: WorkerJob): Promise<JobResult>;
}
