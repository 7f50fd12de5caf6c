// The page's title (the browser's tab, the history, a screen reader's first words on a new page):
// "<page> · Đoàn Kết", in the UI's language. Each route names its page with a message key
// (router.ts, meta.title); a page that shows one record names it more closely with usePageTitle
// ("Quỹ khuyến học năm 2026 – Quỹ & vận động"). The title follows a change of language at once.
import { onBeforeUnmount, ref, watchEffect } from 'vue'
import type { Router } from 'vue-router'
import { i18n } from './i18n'

type PageName = { key: symbol; name: () => string | undefined }

// The pages on screen that name themselves, the newest last: while one page leaves and the next
// arrives both are here for a moment, and the one leaving removes only its own.
const pageNames = ref<PageName[]>([])

/** Keeps document.title in step with the route, the page's own name and the language. */
export function followPageTitles(router: Router): void {
  watchEffect(() => {
    const { t, locale } = i18n.global
    void locale.value
    const key = router.currentRoute.value.meta.title
    const own = pageNames.value.map((entry) => entry.name()).filter(Boolean).at(-1)
    const page = own || (key ? t(key) : '')
    document.title = page ? `${page} · ${t('app.name')}` : t('app.name')
  })
}

/** Names the page by what it shows (a fund, a person), once known; until then the route's title. */
export function usePageTitle(name: () => string | undefined): void {
  const entry: PageName = { key: Symbol('page'), name }
  pageNames.value.push(entry)
  onBeforeUnmount(() => {
    pageNames.value = pageNames.value.filter((other) => other.key !== entry.key)
  })
}
