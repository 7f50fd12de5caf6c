// The bell's count, kept live by the server's event stream (GET /api/v1/notifications/stream,
// docs/notifications.md): the browser's EventSource reconnects by itself after a drop, so the
// page never polls. Opened once a session is there, closed when it ends.
import { reactive } from 'vue'

export const bell = reactive({ unread: 0, live: false })

let source: EventSource | null = null

export function watchBell(): void {
  if (source || typeof EventSource === 'undefined') return
  source = new EventSource('/api/v1/notifications/stream')
  source.addEventListener('unread', (event) => {
    const data = JSON.parse((event as MessageEvent<string>).data) as { unread: number }
    bell.unread = data.unread
    bell.live = true
  })
  source.onerror = () => {
    bell.live = false
  }
}

export function stopBell(): void {
  source?.close()
  source = null
  bell.live = false
  bell.unread = 0
}

/** After the page itself changed the count (marked read), before the stream says so. */
export function setUnread(unread: number): void {
  bell.unread = unread
}
