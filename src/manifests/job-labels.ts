/**
 * The labels a Job's pods carry that its manifest does not write. When the Job's selector is
 * generated (`spec.manualSelector` unset or false), the API server adds to the pod template
 * `job-name` and `batch.kubernetes.io/job-name`, valued the Job's name, unless the template already
 * sets them (kubernetes pkg/registry/batch/job/strategy.go generateSelector; validation then
 * rejects any value but the Job's name). It also adds `controller-uid` and
 * `batch.kubernetes.io/controller-uid`, valued the Job's UID, which exists only once the Job is
 * created: no manifest can know it, and the label model holds known values only, so those two are
 * not modelled. A Job created from `generateName` has a name no manifest knows either: nothing is
 * added for it. A CronJob's Jobs are named `<cronjob>-<scheduled time>`: not modelled either.
 */
export const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'] as const;

export function jobPodLabels(
  job: { readonly metadata: { readonly name?: string | null | undefined }; readonly spec?: unknown },
  templateLabels: Readonly<Record<string, string>> | null | undefined,
): Record<string, string> | null | undefined {
  const name = job.metadata.name;
  const manual = (job.spec as { manualSelector?: unknown } | null | undefined)?.manualSelector === true;
  if (manual || typeof name !== 'string' || name === '') return templateLabels;
  const out: Record<string, string> = { ...(templateLabels ?? {}) };
  for (const key of JOB_NAME_LABELS) if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = name;
  return out;
}
