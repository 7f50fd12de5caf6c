// What the emulation screens share: the server's two-language words in the UI's language, the
// names of ratings, disciplines, stages and verdicts, the titles' names from their codes, and which
// titles the council votes on.
import { useI18n } from 'vue-i18n'
import type { Discipline, EmulationYear, Rating, Stage, Subject, Text, TitleRule, Verdict } from './api'

export function useEmulationWords() {
  const { t, locale } = useI18n()

  /** A Text in the UI's language (the other one if that is empty). */
  const text = (words: Text | null | undefined): string => {
    if (!words) return ''
    return locale.value === 'en' ? words.en || words.vi : words.vi || words.en
  }
  const rating = (value: Rating | null | undefined): string => (value ? t(`emulation.ratings.${value}`) : t('emulation.notRated'))
  const discipline = (value: Discipline): string => t(`emulation.disciplines.${value}`)
  const stage = (value: Stage): string => t(`emulation.stages.${value}`)
  const verdict = (value: Verdict): string => t(`emulation.verdicts.${value}`)
  const subject = (value: Subject): string => t(`emulation.subjects.${value}`)

  /** A title's name from its code; the code itself for a title the year does not list. */
  const titleName = (titles: TitleRule[], code: string): string => {
    const found = titles.find((title) => title.code === code)
    return found ? text(found.name) : code
  }
  const titleNames = (titles: TitleRule[], codes: string[]): string =>
    codes.length ? codes.map((code) => titleName(titles, code)).join(', ') : t('emulation.noTitles')

  return { t, locale, text, rating, discipline, stage, verdict, subject, titleName, titleNames }
}

/**
 * The titles whose council vote matters: a person's title with a quota (those eligible are taken
 * by their share of yes votes) and every collective title.
 */
export function votedTitles(year: EmulationYear): TitleRule[] {
  return year.titles.filter((title) => title.subject === 'collective' || title.quota !== null)
}

/** One vote's place in a form: "person:12:chien-si-thi-dua-co-so". */
export function voteKey(subject: Subject, id: number, title: string): string {
  return `${subject}:${id}:${title}`
}

/** "8/10" (attended of expected), or the dash when nothing was expected. */
export function attendance(attended: number, expected: number): string {
  return expected > 0 ? `${attended}/${expected}` : '—'
}

/** The stage's place in the steps: 0 open, 1 proposed, 2 decided. */
export function stageIndex(stage: Stage): number {
  return { open: 0, proposed: 1, decided: 2 }[stage]
}
