/**
 * The words the public library shows for its stored codes, in the visitor's
 * language (msg: translated where shown). The exports keep the regulators'
 * English words (app/domain/reports/labels.ts). Categories stay as the
 * regulators name them, in English, in pages and exports alike.
 */
import type { DisputeTypeCode, OutcomeCode, TrackCode } from "~/domain/reports/labels";
import { msg } from "~/i18n/msg";

export const LIBRARY_OUTCOME_LABELS: Record<OutcomeCode, string> = {
  UPHELD: msg("Upheld: the denial stands"),
  OVERTURNED: msg("Overturned: the plan must cover it"),
  OVERTURNED_IN_PART: msg("Overturned in part"),
};

export const LIBRARY_DISPUTE_TYPE_LABELS: Record<DisputeTypeCode, string> = {
  MEDICAL_NECESSITY: msg("Medical necessity"),
  EXPERIMENTAL_INVESTIGATIONAL: msg("Experimental or investigational"),
  URGENT_CARE: msg("Urgent care"),
};

export const LIBRARY_TRACK_LABELS: Record<TrackCode, string> = {
  STANDARD: msg("Standard"),
  EXPEDITED: msg("Expedited"),
};

export const LIBRARY_GENDER_LABELS: Record<string, string> = {
  FEMALE: msg("Female"),
  MALE: msg("Male"),
  X: msg("Another sex (X)"),
};
