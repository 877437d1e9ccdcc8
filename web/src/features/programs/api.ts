import { api } from '../../api/client';
import type { DocReference, ProgramMeta, Signer, Span, TimeExpression, Warning } from '../../shared/importer';
import type { NodeFields } from '../document/outline';

export interface ProgramSummary {
  id: string;
  title: string;
  number: string | null;
  docKind: string | null;
  issuer: string | null;
  /** ISO yyyy-mm-dd. */
  docDate: string | null;
  publishedAt: string;
  tasks: number;
}

/** A named body with the units it was matched to (ids resolved when the program was published). */
export interface ProgramMention {
  text: string;
  span: Span;
  match: string;
  unitCodes: string[];
  unitIds: string[];
}

export interface ProgramTaskExtract {
  lead: ProgramMention | null;
  leads: ProgramMention[];
  cooperating: ProgramMention[];
  deadline: TimeExpression | null;
  times: TimeExpression[];
  products: string[];
}

export interface ProgramNode extends NodeFields {
  extracted: ProgramTaskExtract | null;
}

export interface ProgramResponsibility {
  nodeId: string;
  label: string;
  bodies: ProgramMention[];
  leadUnitId: string | null;
  cooperating: ProgramMention[];
  duties: string;
}

export type ProgramReference = Omit<DocReference, 'citations'> & { citations: Span[] };

export interface Program extends Omit<ProgramSummary, 'tasks'> {
  partyLayout: boolean;
  meta: {
    program: ProgramMeta;
    signer: Signer | null;
    recipients: { text: string; span: Span }[];
    warnings: Warning[];
  };
  source: string;
  /** Flat, in document order; the tree is rebuilt from `parentId`. */
  nodes: ProgramNode[];
  references: ProgramReference[];
  responsibilities: ProgramResponsibility[];
}

export const fetchPrograms = (signal?: AbortSignal) =>
  api.get<{ items: ProgramSummary[] }>('/api/programs', undefined, signal);

export const fetchProgram = (id: string, signal?: AbortSignal) =>
  api.get<Program>(`/api/programs/${encodeURIComponent(id)}`, undefined, signal);
