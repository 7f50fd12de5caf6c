// The UI language: Vietnamese unless the user chose English on this browser.
import { createI18n } from 'vue-i18n'
import { en, vi, type Messages } from './messages'

export type Language = 'vi' | 'en'
const storageKey = 'doanket.language'

function storedLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi'
  } catch {
    return 'vi'
  }
}

export const i18n = createI18n<[Messages], Language, false>({
  legacy: false,
  locale: storedLanguage(),
  fallbackLocale: 'vi',
  messages: { vi, en },
})

document.documentElement.lang = i18n.global.locale.value

export function currentLanguage(): Language {
  return i18n.global.locale.value
}

export function setLanguage(language: Language): void {
  i18n.global.locale.value = language
  document.documentElement.lang = language
  try {
    localStorage.setItem(storageKey, language)
  } catch {
    // A browser that refuses storage still switches for this visit.
  }
}
