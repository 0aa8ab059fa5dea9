/** Whether a single SPDX id (or curated id) passes a test, and short explanations. */
import { OPEN_LICENSES_BY_ID, notOpenReason } from './openList';
import { SPDX_LICENSES } from './spdx';
import type { LicenseTest, NotOpenTerms } from './types';

export function isOsiApproved(id: string): boolean {
  return SPDX_LICENSES.get(id)?.osiApproved ?? false;
}

/** OSD-conformant by the built-in tables: OSI-approved or on the curated open list. */
export function isOpen(id: string): boolean {
  return isOsiApproved(id) || OPEN_LICENSES_BY_ID.has(id);
}

/** The license id at the start of an id or an `id WITH exception` replacement string. */
export function headId(replacement: string): string {
  return replacement.split(' ')[0];
}

/** Whether an SPDX (or curated) id passes a test: the built-in knowledge alone decides it, never a setting. */
export function qualifies(id: string, test: LicenseTest): boolean {
  const head = headId(id);
  return test === 'osi' ? isOsiApproved(head) : isOpen(head);
}

/**
 * Why `id` fails `test`, as a short clause ("not OSI-approved", "not open: its non-commercial clause restricts use").
 */
export function failureReason(id: string, test: LicenseTest): string {
  const head = headId(id);
  if (test === 'osi') {
    return isOpen(head)
      ? 'not OSI-approved (an open data/content license, fine for parameters, data and documentation but not for code)'
      : 'not OSI-approved';
  }
  const why = notOpenReason(head);
  return why
    ? `not open: ${why}`
    : 'not open: it is neither OSI-approved nor one of the reviewed open data/content licenses';
}

/** What a component under `test` needs, as a sentence. */
export function requirement(test: LicenseTest): string {
  return test === 'osi'
    ? 'Code components need an OSI-approved license (e.g. Apache-2.0, MIT).'
    : 'Parameters, data information and documentation need OSD-conformant ' +
        'terms (e.g. Apache-2.0, CC-BY-4.0, CDLA-Permissive-2.0).';
}

export function failCode(test: LicenseTest): 'license/not-osi-approved' | 'license/not-open' {
  return test === 'osi' ? 'license/not-osi-approved' : 'license/not-open';
}

/** What a restricted AI license is, after its name: "is the Llama 3 Community License, which restricts use (…)." */
export function restrictionPredicate(restriction: { name: string; terms: string }): string {
  return `is the ${restriction.name}, which restricts use (${restriction.terms}).`;
}

/**
 * What a license recognised by name that is not open is, after its name (the counterpart of
 * `restrictionPredicate`): "is the OPT-175B License Agreement, which is not open (…)." For a
 * permissive license nobody has reviewed: "is the Apple Sample Code License, a permissive
 * license (…) that is not OSI-approved and not on the reviewed open list."
 */
export function notOpenPredicate(notOpen: NotOpenTerms, test: LicenseTest = 'open'): string {
  if (notOpen.kind === 'permissive') {
    return (
      `is the ${notOpen.name}, a permissive license (${notOpen.terms}) that ` +
      `is not OSI-approved` +
      `${test === 'open' ? ' and not on the reviewed open list' : ''}.`
    );
  }
  return `is the ${notOpen.name}, which is not open (${notOpen.terms}).`;
}
