/** Public consultations: the calls their pages make, typed from the server's OpenAPI document. */
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

type Schemas = components['schemas'];
export type ConsultationSummary = Schemas['ConsultationSummaryDto'];
export type Consultation = Schemas['ConsultationDto'];
export type ConsultationSection = Schemas['SectionDto'];
export type ConsultationComment = Schemas['CommentDto'];
export type ConsultationResponse = Schemas['ResponseDto'];
export type ConsultationInput = Schemas['CreateConsultationDto'];
export type SectionInput = Schemas['SectionInputDto'];
export type ConsultationUpdate = Schemas['UpdateConsultationDto'];

export function listConsultations(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/consultations', { signal }));
}

export function listAllConsultations(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/consultations/all', { signal }));
}

export function getConsultation(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/consultations/{id}', { params: { path: { id } }, signal }));
}

export function createConsultation(body: ConsultationInput) {
  return unwrap(api.POST('/api/v1/consultations', { body }));
}

/** Corrects it: only the fields given change (the server says what may still change). */
export function updateConsultation(id: string, body: ConsultationUpdate) {
  return unwrap(api.PATCH('/api/v1/consultations/{id}', { params: { path: { id } }, body }));
}

export function openConsultation(id: string) {
  return unwrap(api.POST('/api/v1/consultations/{id}/open', { params: { path: { id } } }));
}

export function closeConsultation(id: string) {
  return unwrap(api.POST('/api/v1/consultations/{id}/close', { params: { path: { id } } }));
}

export function postComment(id: string, sectionId: number, body: string, lang: string) {
  return unwrap(
    api.POST('/api/v1/consultations/{id}/comments', { params: { path: { id } }, body: { sectionId, body, lang } }),
  );
}

export function supportComment(commentId: string) {
  return unwrap(api.POST('/api/v1/consultation-comments/{commentId}/supports', { params: { path: { commentId } } }));
}

/** Takes back one's own support (while the consultation is open). */
export function withdrawSupport(commentId: string) {
  return unwrap(api.DELETE('/api/v1/consultation-comments/{commentId}/supports', { params: { path: { commentId } } }));
}

export function respondToComments(id: string, commentIds: string[], bodyPl: string, bodyEn: string) {
  return unwrap(
    api.POST('/api/v1/consultations/{id}/responses', {
      params: { path: { id } },
      body: { commentIds, bodyPl, bodyEn },
    }),
  );
}

export function publishFinalReport(id: string, finalReportPl: string, finalReportEn: string) {
  return unwrap(
    api.PUT('/api/v1/consultations/{id}/final-report', {
      params: { path: { id } },
      body: { finalReportPl, finalReportEn },
    }),
  );
}
