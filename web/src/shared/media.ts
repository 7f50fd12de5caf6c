// Shared answers to "how wide is the screen?", for layouts that change shape there.
import { ref, type Ref } from 'vue'

function matches(query: string): Ref<boolean> {
  const list = window.matchMedia(query)
  const result = ref(list.matches)
  list.addEventListener('change', (event) => {
    result.value = event.matches
  })
  return result
}

/** Tablets and phones: the navigation becomes a drawer. */
export const isPhone = matches('(max-width: 900px)')
/** Phones held upright: lists become cards instead of tables. */
export const isNarrowPhone = matches('(max-width: 600px)')
