/**
 * The labels a Job's pods carry that its manifest does not write. When the Job's selector is
 * generated (`spec.manualSelector` unset or false), the API server adds to the pod template
 * `job-name` and `batch.kubernetes.io/job-name`, valued the Job's name, and `controller-uid` and
 * `batch.kubernetes.io/controller-uid`, valued the Job's UID, each unless the template already sets
 * it (kubernetes pkg/registry/batch/job/strategy.go generateSelector; validation then rejects any
 * other value). A CronJob's Jobs get the same, named `<cronjob>-<scheduled time>`
 * (pkg/controller/cronjob/utils.go getJobFromTemplate2).
 *
 * Values no manifest can know (a UID, which exists only once the Job is created; the name of a
 * CronJob's Job or of a Job created from `generateName`) are UNKNOWN_VALUE: present, value unknown.
 */
export const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'] as const;
export const CONTROLLER_UID_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid'] as const;

/**
 * A label value no selector value can equal: label values are at most 63 alphanumerics, `-`, `_`
 * and `.`, starting and ending alphanumeric (the API server rejects a selector with another), and
 * this one has parentheses. So, as for the real value in a cluster, which no selector written before
 * the Job existed can name: `matchLabels` and `In` never match it, `NotIn` always does, `Exists`
 * does and `DoesNotExist` does not (connectivity/selector.ts needs no case of its own).
 */
export const UNKNOWN_VALUE = '(unknown)';

type JobSpecLike = { readonly manualSelector?: unknown } | null | undefined;

/** A Job's pod labels: the template's, plus what the API server adds when it generates the selector. */
export function jobPodLabels(
  job: { readonly metadata: { readonly name?: string | null | undefined }; readonly spec?: unknown },
  templateLabels: Readonly<Record<string, string>> | null | undefined,
): Record<string, string> | null | undefined {
  const name = job.metadata.name;
  return generatedLabels(job.spec as JobSpecLike, templateLabels, typeof name === 'string' && name !== '' ? name : UNKNOWN_VALUE);
}

/** A CronJob's pod labels: its job template's, plus what the API server adds to each Job it creates (named per run). */
export function cronJobPodLabels(jobSpec: unknown, templateLabels: Readonly<Record<string, string>> | null | undefined): Record<string, string> | null | undefined {
  return generatedLabels(jobSpec as JobSpecLike, templateLabels, UNKNOWN_VALUE);
}

function generatedLabels(spec: JobSpecLike, templateLabels: Readonly<Record<string, string>> | null | undefined, jobName: string): Record<string, string> | null | undefined {
  if (spec?.manualSelector === true) return templateLabels;
  const out: Record<string, string> = { ...(templateLabels ?? {}) };
  const add = (key: string, value: string) => {
    if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = value;
  };
  for (const key of JOB_NAME_LABELS) add(key, jobName);
  for (const key of CONTROLLER_UID_LABELS) add(key, UNKNOWN_VALUE);
  return out;
}

/** A label set without the values no manifest knows: what a pod is known to carry. */
export function knownLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([, v]) => v !== UNKNOWN_VALUE));
}
