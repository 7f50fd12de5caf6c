// Money recorded once: a form that sends a donation or a pledge makes one Idempotency-Key per
// submission and sends it again on every retry, so a double click, a retry after a lost answer or
// a second press after a network failure is answered as the first request was, never recorded twice.
import { computed, ref } from 'vue'
import { ApiError } from '@/shared/api'
import { i18n } from '@/shared/i18n'
import { newKey } from '@/shared/idempotencyKey'

const retryDelaysMs = [500, 1500, 3000]
/** An answer that has not come after this long is treated as lost and the request sent again. */
const answerTimeoutMs = 20_000

function transient(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504)
}

class Timeout extends Error {}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Timeout()), answerTimeoutMs)
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    )
  })
}

/**
 * `content` is what the form would send: the key stays the same while it does (a retry of the
 * same submission) and is new as soon as it changes (another submission). `forget()` after a
 * success, so that the next one is new too.
 */
export function useIdempotencyKey(content: () => unknown) {
  let key = ''
  let keyedContent = ''
  /** The retry being made (0: the first attempt). */
  const attempt = ref(0)
  /** "Sending again (attempt 2)…" while retrying, for a line under the form; empty otherwise. */
  const retrying = computed(() => (attempt.value > 0 ? i18n.global.t('fund.retrying', { n: attempt.value + 1 }) : ''))

  function current(): string {
    const now = JSON.stringify(content())
    if (!key || now !== keyedContent) {
      key = newKey()
      keyedContent = now
    }
    return key
  }

  /** Sends with the submission's key, again with the same key after a network failure or a timeout. */
  async function send<T>(action: (key: string) => Promise<T>): Promise<T> {
    const sameKey = current()
    try {
      for (let i = 0; ; i++) {
        attempt.value = i
        try {
          return await withTimeout(action(sameKey))
        } catch (e) {
          if (!(transient(e) || e instanceof Timeout) || i >= retryDelaysMs.length) {
            throw e instanceof Timeout ? new ApiError({ status: 0, code: 'network.timeout' }) : e
          }
          await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[i]))
        }
      }
    } finally {
      attempt.value = 0
    }
  }

  function forget(): void {
    key = ''
    keyedContent = ''
  }

  return { send, forget, retrying, current }
}
