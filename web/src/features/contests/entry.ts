// Entering a round, from the list or the contest's page: the server starts an attempt or resumes
// the person's unfinished one, and the attempt's page takes over. What it refuses (the round not
// open yet or already closed, the attempts used) is said in the words the server chose, and the
// page reloads what it shows, since its idea of the round is out of date.
import { ref } from 'vue'
import { useRouter } from 'vue-router'
import { ElMessage } from 'element-plus'
import { describeError } from '@/shared/errors'
import { attemptsApi } from './api'

export function useEntry(refresh: () => void) {
  const router = useRouter()
  /** The round being entered, while the server draws its questions. */
  const starting = ref<number | null>(null)

  async function enter(contest: number, round: number) {
    if (starting.value !== null) return
    starting.value = round
    try {
      const attempt = await attemptsApi.start(contest, round)
      await router.push({ name: 'contest-attempt', params: { id: attempt.id } })
    } catch (e) {
      ElMessage.error({ message: describeError(e), duration: 6000 })
      refresh()
    } finally {
      starting.value = null
    }
  }

  /** An unfinished attempt is opened as it is: the server closes it if its time is over. */
  function resume(attempt: number) {
    void router.push({ name: 'contest-attempt', params: { id: attempt } })
  }

  return { starting, enter, resume }
}
