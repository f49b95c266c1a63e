// Public API of src/report (re-exported by src/index.ts).
export { createReportBuilder, mergeReportStates } from './state.js';
export type { MergeReportStatesOptions } from './state.js';
export { finalizeReport, buildReport } from './finalize.js';
export { maskPersonalData } from './mask.js';
export type { MaskPersonalDataOptions, MaskReplacement, MaskResult, PersonalDataKind } from './mask.js';
export type * from './types.js';
