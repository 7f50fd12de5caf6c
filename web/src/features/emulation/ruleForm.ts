// The rule editor's form (RuleVersionDialog, CriterionRow): a version as its fields hold it
// (numbers as typed), started from a title's latest version or empty, checked before it is sent,
// turned into what POST /emulation/rules takes, and the server's field names put onto the fields.
import type { OrganizationKind } from '@/shared/api'
import type { CriterionKind, Discipline, ListedVersion, Rating, RuleInput, Subject } from './api'

/** A select's value for "every kind of organization" and "of those evaluated" (a select shows '' as empty). */
export const ALL = '*'

export interface CriterionDraft {
  /** Keeps a row's fields in place when a row above it is removed. */
  key: number
  kind: string
  number: string
  rating: Rating | ''
  discipline: Discipline | ''
  title: string
  ownChoice: boolean
}

export interface RuleDraft {
  /** The title's code, as the API names it. */
  title: string
  subject: Subject
  organizationKind: OrganizationKind | typeof ALL
  effectiveFrom: string | null
  nameVi: string
  nameEn: string
  citationVi: string
  citationEn: string
  criteria: CriterionDraft[]
  hasQuota: boolean
  quotaPercent: string
  quotaOf: string
  quotaOwnChoice: boolean
}

let rows = 0

export function emptyCriterion(): CriterionDraft {
  rows += 1
  return { key: rows, kind: '', number: '', rating: '', discipline: '', title: '', ownChoice: false }
}

/** A new version starts as the latest one said, from a day still to choose. */
export function draftFrom(version: ListedVersion): RuleDraft {
  return {
    title: version.code,
    subject: version.subject,
    organizationKind: version.organization_kind ?? ALL,
    effectiveFrom: null,
    nameVi: version.name.vi,
    nameEn: version.name.en,
    citationVi: version.citation.vi,
    citationEn: version.citation.en,
    criteria: version.criteria.map((c) => ({
      ...emptyCriterion(),
      kind: c.kind,
      number: c.number === null ? '' : String(c.number),
      rating: c.rating ?? '',
      discipline: c.discipline ?? '',
      title: c.title ?? '',
      ownChoice: c.own_choice,
    })),
    hasQuota: version.quota !== null,
    quotaPercent: version.quota ? String(version.quota.percent) : '',
    quotaOf: version.quota?.of_title || ALL,
    quotaOwnChoice: version.quota?.own_choice ?? false,
  }
}

/** A title of the organization's own: one criterion to fill in. */
export function emptyDraft(): RuleDraft {
  return {
    title: '',
    subject: 'person',
    organizationKind: ALL,
    effectiveFrom: null,
    nameVi: '',
    nameEn: '',
    citationVi: '',
    citationEn: '',
    criteria: [emptyCriterion()],
    hasQuota: false,
    quotaPercent: '',
    quotaOf: ALL,
    quotaOwnChoice: false,
  }
}

type Translate = (key: string) => string

const codePattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** What is missing or malformed in a criterion, or '' (what the server would refuse first). */
export function criterionProblem(row: CriterionDraft, kind: CriterionKind | undefined, t: Translate): string {
  if (!kind) return t('emulation.ruleForm.kindRequired')
  if (kind.number) {
    const text = row.number.trim()
    if (kind.percent && (!/^\d{1,3}$/.test(text) || Number(text) > 100)) return t('emulation.ruleForm.shareInvalid')
    if (!kind.percent && (!/^\d{1,4}$/.test(text) || Number(text) < 1)) return t('emulation.ruleForm.numberInvalid')
  }
  if (kind.rating && !row.rating) return t('emulation.ruleForm.ratingRequired')
  if (kind.discipline && !row.discipline) return t('emulation.ruleForm.disciplineRequired')
  if (kind.title && !row.title) return t('emulation.ruleForm.titleRequired')
  return ''
}

/** Problems by field (a criterion's as `criteria.<index>`); none when the form can be sent. */
export function draftProblems(draft: RuleDraft, kinds: CriterionKind[], isNew: boolean, t: Translate): Record<string, string> {
  const found: Record<string, string> = {}
  if (isNew && (!codePattern.test(draft.title) || draft.title.length > 60)) found.title = t('emulation.ruleForm.codeHint')
  if (!draft.effectiveFrom) found.effective_from = t('emulation.ruleForm.effectiveRequired')
  if (!draft.nameVi.trim()) found.name_vi = t('emulation.ruleForm.nameRequired')
  if (!draft.citationVi.trim()) found.citation_vi = t('emulation.ruleForm.citationRequired')
  if (!draft.criteria.length) found.criteria = t('emulation.ruleForm.noCriteria')
  draft.criteria.forEach((row, i) => {
    const problem = criterionProblem(row, kinds.find((k) => k.code === row.kind), t)
    if (problem) found[`criteria.${i}`] = problem
  })
  const quota = draft.quotaPercent.trim()
  if (draft.hasQuota && (!/^\d{1,3}$/.test(quota) || Number(quota) > 100)) found.quota_percent = t('emulation.ruleForm.quotaInvalid')
  return found
}

/** What the API takes: only the values each criterion's kind needs. */
export function ruleInput(draft: RuleDraft, kinds: CriterionKind[], isNew: boolean): RuleInput {
  return {
    new_title: isNew,
    title: draft.title.trim(),
    name_vi: draft.nameVi.trim(),
    name_en: draft.nameEn.trim(),
    subject: draft.subject,
    organization_kind: draft.organizationKind === ALL ? null : draft.organizationKind,
    effective_from: draft.effectiveFrom ?? '',
    citation_vi: draft.citationVi.trim(),
    citation_en: draft.citationEn.trim(),
    criteria: draft.criteria.map((row) => {
      const needs = kinds.find((k) => k.code === row.kind)
      return {
        kind: row.kind,
        ...(needs?.number ? { number: Number(row.number.trim()) } : {}),
        ...(needs?.rating && row.rating ? { rating: row.rating } : {}),
        ...(needs?.discipline && row.discipline ? { discipline: row.discipline } : {}),
        ...(needs?.title ? { title: row.title } : {}),
        own_choice: row.ownChoice,
      }
    }),
    quota_percent: draft.hasQuota ? Number(draft.quotaPercent.trim()) : null,
    quota_of_title: draft.hasQuota && draft.quotaOf !== ALL ? draft.quotaOf : '',
    quota_own_choice: draft.hasQuota && draft.quotaOwnChoice,
  }
}

// The server names a field as the body does (name_vi, criteria[1].rating), or the quota as the
// rule holds it (quota): each goes to its one field on screen.
const aliases: Record<string, string> = {
  quota: 'quota_percent',
  quota_of_title: 'quota_percent',
  quota_own_choice: 'quota_percent',
}

/** The form's name for a field the server named. */
export function formField(field: string): string {
  const row = /^criteria\[(\d+)\]/.exec(field)
  if (row) return `criteria.${row[1]}`
  return aliases[field] ?? field
}

/** The fields the form shows (a criterion's as `criteria.<index>`). */
export function shownFields(draft: RuleDraft, isNew: boolean): Set<string> {
  const fields = ['effective_from', 'name_vi', 'name_en', 'citation_vi', 'citation_en', 'criteria', ...draft.criteria.map((_, i) => `criteria.${i}`)]
  if (isNew) fields.push('title', 'subject', 'organization_kind')
  if (draft.hasQuota) fields.push('quota_percent')
  return new Set(fields)
}

// How the form names the fields it may not show (a version keeps the title's code, subject and kind).
const fieldNames: Record<string, string> = { title: 'code', subject: 'subject', organization_kind: 'organizationKind', quota_percent: 'quota' }

/**
 * The server's problems (by its field names) beside the fields on screen; one about a field not
 * shown is said above the buttons with the field's name.
 */
export function placeProblems(errors: Record<string, string>, shown: Set<string>, t: (key: string, values?: Record<string, unknown>) => string) {
  const placed: Record<string, string> = {}
  let general = ''
  for (const [field, message] of Object.entries(errors)) {
    const mine = formField(field)
    if (shown.has(mine)) placed[mine] = message
    else general = t('emulation.ruleForm.problemAt', { field: fieldNames[mine] ? t(`emulation.ruleForm.${fieldNames[mine]}`) : field, message })
  }
  return { placed, general }
}
