/** The annual review of a program and a year (kiểm điểm, đánh giá hằng năm). */
import { api, withQuery } from '../../api/client';
import type { AnnualReview } from '../../shared/contract/review';

export type { AnnualReview, ReviewUnit, ReviewCriterion } from '../../shared/contract/review';

const enc = encodeURIComponent;

export const fetchReview = (programId: string, year: number, signal?: AbortSignal) =>
  api.get<AnnualReview>(`/api/programs/${enc(programId)}/review`, { year }, signal);

/** The review as a file (.docx report or .xlsx table); its name comes from the server. */
export const reviewFileUrl = (programId: string, year: number, ext: 'docx' | 'xlsx') =>
  withQuery(`/api/programs/${enc(programId)}/review.${ext}`, { year });
