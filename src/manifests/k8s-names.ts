/**
 * Kubernetes' own name and label rules (k8s.io/apimachinery/pkg/util/validation), as the API server
 * applies them. Each check returns the reasons a value is rejected (empty when it is valid), so a
 * diagnostic can say why.
 */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
/** A label key that is certainly valid (optional DNS-subdomain prefix, qualified name): the common case, answered without building anything. */
const VALID_KEY = /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\/)?(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const NONE: readonly string[] = Object.freeze([]);
const HAS_LETTER = /[a-z]/;

/** RFC 1123 label: namespaces, Service names; at most 63 characters. */
export function dnsLabelErrors(v: string): readonly string[] {
  if (v.length <= 63 && DNS_LABEL.test(v)) return NONE;
  const out: string[] = [];
  if (v.length > 63) out.push('must be no more than 63 characters');
  if (!DNS_LABEL.test(v)) out.push("must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character");
  return out;
}

/** RFC 1123 subdomain: most object names; at most 253 characters. */
export function dnsSubdomainErrors(v: string): string[] {
  const out: string[] = [];
  if (v.length > 253) out.push('must be no more than 253 characters');
  if (!DNS_SUBDOMAIN.test(v)) out.push("must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
  return out;
}

/** A label key (or annotation key): `[prefix/]name`, prefix a DNS subdomain, name at most 63 characters. */
export function labelKeyErrors(key: string): readonly string[] {
  // labels are checked on every object: valid keys (nearly all) cost one regex test
  if (key.length <= 63 && VALID_KEY.test(key)) return NONE;
  const parts = key.split('/');
  let name = key;
  const out: string[] = [];
  if (parts.length === 2) {
    const [prefix, rest] = parts as [string, string];
    if (prefix.length === 0) out.push('prefix part must be non-empty');
    else out.push(...dnsSubdomainErrors(prefix).map((e) => `prefix part ${e}`));
    name = rest;
  } else if (parts.length > 2) {
    return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', with an optional DNS subdomain prefix and '/'"];
  }
  if (name.length === 0) out.push('name part must be non-empty');
  else if (name.length > 63) out.push('name part must be no more than 63 characters');
  if (name.length > 0 && !QUALIFIED_NAME.test(name)) out.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
  return out;
}

/** A label value: empty, or at most 63 characters of alphanumerics, '-', '_' and '.', alphanumeric at both ends. */
export function labelValueErrors(v: string): readonly string[] {
  if (v.length <= 63 && LABEL_VALUE.test(v)) return NONE;
  const out: string[] = [];
  if (v.length > 63) out.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(v)) out.push("must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
  return out;
}

/** IANA_SVC_NAME (RFC 6335): a port name; at most 15 characters, lower case, at least one letter, no '--'. */
export function portNameErrors(v: string): readonly string[] {
  // every container port name is checked: a valid one (nearly all) costs two regex tests
  if (v.length <= 15 && IANA_SVC_NAME.test(v) && !v.includes('--') && HAS_LETTER.test(v)) return NONE;
  const out: string[] = [];
  if (v.length > 15) out.push('must be no more than 15 characters');
  if (!IANA_SVC_NAME.test(v)) out.push("must contain only lower case alphanumeric characters or '-', and start and end with an alphanumeric character");
  if (v.includes('--')) out.push("must not contain consecutive hyphens");
  if (!HAS_LETTER.test(v)) out.push('must contain at least one letter');
  return out;
}

export function isDnsLabel(v: string): boolean {
  return dnsLabelErrors(v).length === 0;
}

export function isDnsSubdomain(v: string): boolean {
  return dnsSubdomainErrors(v).length === 0;
}
