import mongoose, { Schema } from 'mongoose'

/**
 * One run of one job for one scheduled slot. `_id` is `job@slotISO`, so inserting it is
 * the claim: of several instances reaching the same slot, exactly one insert succeeds.
 */
export interface JobRunDoc {
  _id: string
  job: string
  slot: Date
  status: 'running' | 'succeeded' | 'failed'
  instance: string
  attempts: number
  startedAt: Date
  leaseUntil: Date
  finishedAt?: Date
  error?: string
  /** Whether the slot was run on time or caught up after downtime. */
  trigger: 'schedule' | 'catch-up'
}

const jobRunSchema = new Schema<JobRunDoc>(
  {
    _id: { type: String, required: true },
    job: { type: String, required: true },
    slot: { type: Date, required: true },
    status: { type: String, required: true, enum: ['running', 'succeeded', 'failed'] },
    instance: { type: String, required: true },
    attempts: { type: Number, required: true },
    startedAt: { type: Date, required: true },
    leaseUntil: { type: Date, required: true },
    finishedAt: Date,
    error: String,
    trigger: { type: String, required: true, enum: ['schedule', 'catch-up'] },
  },
  { collection: 'job_runs', versionKey: false },
)
jobRunSchema.index({ job: 1, slot: -1 })

/** When the scheduler first knew a job: slots before it were never "missed". */
export interface JobStateDoc {
  _id: string
  firstSeenAt: Date
}
const jobStateSchema = new Schema<JobStateDoc>(
  { _id: { type: String, required: true }, firstSeenAt: { type: Date, required: true } },
  { collection: 'job_states', versionKey: false },
)

export const JobRun = mongoose.model<JobRunDoc>('JobRun', jobRunSchema)
export const JobState = mongoose.model<JobStateDoc>('JobState', jobStateSchema)
