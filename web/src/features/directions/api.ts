/** The leader's directions (ý kiến chỉ đạo) and each unit's follow-up. */
import { api } from '../../api/client';
import type {
  Direction,
  DirectionAnswerInput,
  DirectionCloseInput,
  DirectionFilters,
  DirectionInput,
  DirectionList,
  DirectionReturnInput,
} from '../../shared/contract/directions';

export type {
  Direction,
  DirectionAnswerInput,
  DirectionFilters,
  DirectionInput,
  DirectionLink,
  DirectionList,
  DirectionTarget,
  DirectionUnit,
  DirectionUnitStatus,
} from '../../shared/contract/directions';

const enc = encodeURIComponent;

export const fetchDirections = (f: DirectionFilters, signal?: AbortSignal) =>
  api.get<DirectionList>('/api/directions', { ...f }, signal);

export const createDirection = (input: DirectionInput) => api.post<Direction>('/api/directions', input);

export type FollowUpStep =
  | { step: 'answer'; id: string; body: DirectionAnswerInput }
  | { step: 'close'; id: string; body: DirectionCloseInput }
  | { step: 'return'; id: string; body: DirectionReturnInput };

export const followUp = (s: FollowUpStep) =>
  api.post<Direction>(`/api/direction-units/${enc(s.id)}/${s.step}`, s.body);
