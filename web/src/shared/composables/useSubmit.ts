// What every form shares when it sends a change: a busy flag, the server's problem beside the
// field it names (422/409 with `field`), and anything else above the buttons.
import { ref, watch } from 'vue'
import { ElMessage } from 'element-plus'
import { i18n } from '../i18n'
import { describeError, fieldErrors } from '../errors'

/**
 * `form`, when given, is watched field by field: a field's problem goes away as soon as the user
 * changes that field (`outsideCode` clears the problem named `outside_code`).
 */
export function useSubmit(form?: Record<string, unknown>) {
  const errors = ref<Record<string, string>>({})
  const error = ref('')
  const busy = ref(false)

  for (const key of Object.keys(form ?? {})) {
    const field = key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
    watch(
      () => form![key],
      () => {
        if (errors.value[field]) {
          const { [field]: _gone, ...rest } = errors.value
          errors.value = rest
        }
      },
    )
  }

  function reset(): void {
    errors.value = {}
    error.value = ''
  }

  /** Shows `found` beside their fields; true when there is nothing to show. */
  function check(found: Record<string, string>): boolean {
    reset()
    errors.value = found
    return !Object.keys(found).length
  }

  /**
   * Runs `action`; on success says `success` (made from the answer when a function; nothing when
   * empty) and returns what it answered, otherwise the problem is now on screen and the result
   * is undefined.
   */
  async function submit<T>(
    action: () => Promise<T>,
    success: string | ((result: T) => string) = i18n.global.t('common.saved'),
  ): Promise<T | undefined> {
    error.value = ''
    busy.value = true
    try {
      const result = await action()
      const message = typeof success === 'function' ? success(result) : success
      if (message) ElMessage.success(message)
      return result
    } catch (e) {
      errors.value = fieldErrors(e)
      if (!Object.keys(errors.value).length) error.value = describeError(e)
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { errors, error, busy, reset, check, submit }
}
