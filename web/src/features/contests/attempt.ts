// What the attempt's page keeps besides what it shows: the time left, and the answers on their way
// to the server.
//
// The time left comes from the server (seconds_left, by its clock) and runs down on the page's own
// monotonic clock (performance.now), never the phone's wall clock, which may be wrong. It counts
// from when the request was sent, so it never shows more time than the server allows. A reload, or
// the page coming back from the background (a phone asleep may stop the page's clock), reads the
// server again.
//
// Every change of an answer is saved at once (PUT answers); the answers not yet saved stay in
// memory, and in the tab's sessionStorage against a reload, and are sent again until the server
// has them: after a network failure with a growing pause, at once when the network comes back or
// the user asks. Saving the same again changes nothing on the server, so a resend is harmless.
import { onBeforeUnmount, ref } from 'vue'
import { ApiError } from '@/shared/api'
import { attemptsApi, type AnswerAt, type AnswersInput, type Attempt, type GivenAnswer } from './api'

export function useCountdown() {
  // Seconds left when `at` (performance.now(), in ms) was the page's time.
  let anchor: { seconds: number; at: number } | null = null
  const left = ref<number | null>(null)

  function tick() {
    if (anchor) left.value = Math.max(0, anchor.seconds - (performance.now() - anchor.at) / 1000)
  }
  const timer = window.setInterval(tick, 250)
  onBeforeUnmount(() => window.clearInterval(timer))

  /**
   * The server's seconds left, answered to a request sent at `sentAt`. A fresh read replaces what
   * the page had; a save's answer only ever brings the end nearer, so the timer never jumps back.
   */
  function sync(seconds: number, sentAt: number, fresh: boolean) {
    const candidate = { seconds, at: sentAt }
    const now = performance.now()
    const remaining = (a: { seconds: number; at: number }) => a.seconds - (now - a.at) / 1000
    if (fresh || !anchor || remaining(candidate) < remaining(anchor)) anchor = candidate
    tick()
  }

  return { left, sync }
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed'

interface Stored {
  answers: Record<number, GivenAnswer>
  prediction?: { value: number | null }
}

const storageKey = (id: number) => `doanket.contest-attempt.${id}`

/** What the server needs to hear: a cleared place is sent with neither choices nor number. */
function wire(position: number, answer: GivenAnswer): AnswerAt {
  if (answer.choices.length) return { position, choices: answer.choices }
  if (answer.number.trim()) return { position, number: answer.number.trim() }
  return { position }
}

export interface SaverHooks {
  /** The server's view after a save, and when that request was sent. */
  saved: (view: Attempt, sentAt: number) => void
  /** The server says the time is over (409 contest.time_up). */
  timeUp: () => void
  /** The attempt was finished elsewhere (submitted in another tab, closed by the server). */
  finished: () => void
  /**
   * The server refused one answer (422): it is not sent again as it is. (The server's words name
   * the answer by its place in the request, not the question's number: the page says its own.)
   */
  refused: (position: number | 'prediction') => void
}

export function useAnswerSaver(attemptId: () => number, hooks: SaverHooks) {
  const pending = new Map<number, GivenAnswer>()
  let prediction: { value: number | null } | null = null
  const state = ref<SaveState>('idle')
  let busy = false
  let again = false
  let stopped = false
  let retryTimer = 0
  let retryDelay = 1000
  let inFlight: Promise<void> = Promise.resolve()

  function store() {
    try {
      if (!pending.size && !prediction) sessionStorage.removeItem(storageKey(attemptId()))
      else sessionStorage.setItem(storageKey(attemptId()), JSON.stringify({ answers: Object.fromEntries(pending), prediction: prediction ?? undefined } satisfies Stored))
    } catch {
      // Private browsing may refuse storage: memory still holds them.
    }
  }

  /** What a previous load of this tab had not saved yet (to be put back and sent again). */
  function restore(): Stored | null {
    try {
      const text = sessionStorage.getItem(storageKey(attemptId()))
      return text ? (JSON.parse(text) as Stored) : null
    } catch {
      return null
    }
  }

  function answer(position: number, given: GivenAnswer) {
    pending.set(position, { choices: [...given.choices], number: given.number })
    store()
    void flush()
  }

  function predict(value: number | null) {
    prediction = { value }
    store()
    void flush()
  }

  const unsaved = () => pending.size > 0 || prediction !== null

  function flush(): Promise<void> {
    window.clearTimeout(retryTimer)
    if (stopped) return inFlight
    if (busy) {
      again = true
      return inFlight
    }
    if (!unsaved()) return inFlight
    busy = true
    inFlight = send().finally(() => {
      busy = false
      if (!stopped && (again || (state.value === 'saving' && unsaved()))) {
        again = false
        void flush()
      }
    })
    return inFlight
  }

  async function send() {
    state.value = 'saving'
    const sent = [...pending.entries()]
    const sentPrediction = prediction
    const body: AnswersInput = { answers: sent.map(([position, given]) => wire(position, given)) }
    if (sentPrediction) body.prediction = sentPrediction.value
    const sentAt = performance.now()
    try {
      const view = await attemptsApi.save(attemptId(), body)
      // What changed again while this was on its way stays to be sent.
      for (const [position, given] of sent) if (pending.get(position) === given) pending.delete(position)
      if (prediction === sentPrediction) prediction = null
      store()
      retryDelay = 1000
      state.value = unsaved() ? 'saving' : 'saved'
      hooks.saved(view, sentAt)
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'contest.time_up') {
        stopped = true
        hooks.timeUp()
      } else if (e instanceof ApiError && e.status === 409) {
        stopped = true
        hooks.finished()
      } else if (e instanceof ApiError && e.status === 422 && e.field) {
        // "answers[2]": the third answer sent. It is not sent again as it is; the others are.
        const index = /^answers\[(\d+)\]$/.exec(e.field)
        const refused = index ? sent[Number(index[1])] : undefined
        if (refused) {
          if (pending.get(refused[0]) === refused[1]) pending.delete(refused[0])
          hooks.refused(refused[0])
        } else if (e.field === 'prediction') {
          if (prediction === sentPrediction) prediction = null
          hooks.refused('prediction')
        } else {
          pending.clear()
          prediction = null
        }
        store()
        state.value = unsaved() ? 'saving' : 'idle'
      } else if (e instanceof ApiError && e.status === 401) {
        // The session ended: the answers wait in this tab for the next sign-in.
        state.value = 'failed'
      } else {
        // The network, or the server, failed: try again after a pause that grows to 15 s.
        state.value = 'failed'
        retryTimer = window.setTimeout(() => void flush(), retryDelay)
        retryDelay = Math.min(retryDelay * 2, 15_000)
      }
    }
  }

  /** What is still to be sent, for the submission to carry; the saver stops. */
  async function drain(): Promise<AnswersInput> {
    window.clearTimeout(retryTimer)
    stopped = true
    await inFlight
    const body: AnswersInput = { answers: [...pending.entries()].map(([position, given]) => wire(position, given)) }
    if (prediction) body.prediction = prediction.value
    return body
  }

  /** After the submission: nothing is left to send. */
  function forget() {
    stopped = true
    window.clearTimeout(retryTimer)
    pending.clear()
    prediction = null
    store()
  }

  /** The saver takes answers again (a submission that failed on the network). */
  function resume() {
    stopped = false
  }

  const online = () => void flush()
  window.addEventListener('online', online)
  onBeforeUnmount(() => {
    window.removeEventListener('online', online)
    window.clearTimeout(retryTimer)
  })

  return { state, answer, predict, flush, drain, forget, resume, restore, unsaved }
}
