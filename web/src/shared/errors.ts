// Turning API errors into what the user reads, and into navigation where a page cannot be shown.
import { ApiError } from './api'
import { i18n } from './i18n'
import { router } from '@/router'

export function describeError(error: unknown): string {
  const { t, locale } = i18n.global
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network')
    return error.text(locale.value)
  }
  return t('errors.unexpected', { message: String(error) })
}

/**
 * For a page's first load: a 403 shows the "not allowed" page and a 404 the "not found" one;
 * a 401 has already gone to the expired screen. Returns the message for anything else.
 */
export function pageLoadError(error: unknown): string | null {
  if (error instanceof ApiError) {
    if (error.status === 401) return null
    if (error.status === 403 && error.code === 'access.forbidden') {
      void router.replace({ name: 'not-allowed' })
      return null
    }
  }
  return describeError(error)
}

/** A server error naming a form field, as { field: message } for el-form-item's `error`. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (error instanceof ApiError && error.field) return { [error.field]: describeError(error) }
  return {}
}
