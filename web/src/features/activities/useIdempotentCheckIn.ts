// A check-in that survives a flaky network: one Idempotency-Key per scan, sent again on every
// retry, so the server answers a retried request as it answered the first and never counts twice.
import { ref } from 'vue'
import { activitiesApi, type AttendanceRecord, type AttendanceState } from './api'
import { ApiError } from '@/shared/api'

type CheckInBody = { code: string } | { person_code: string } | { person_id: number; state?: AttendanceState }

const retryDelaysMs = [500, 1500, 3000, 5000]

export function useIdempotentCheckIn() {
  /** The attempt being made after a network error (0: the first). */
  const attempt = ref(0)

  /** Sends with `key`, retrying network failures with the same key; other problems throw at once. */
  async function send(activityId: number, body: CheckInBody, key: string): Promise<AttendanceRecord> {
    for (let i = 0; ; i++) {
      attempt.value = i
      try {
        return await activitiesApi.checkIn(activityId, body, key)
      } catch (e) {
        const network = e instanceof ApiError && (e.status === 0 || e.status === 502 || e.status === 503 || e.status === 504)
        if (!network || i >= retryDelaysMs.length) throw e
        await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[i]))
      }
    }
  }

  return { attempt, send }
}
