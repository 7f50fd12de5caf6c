// One shared answer to "is this a phone-sized screen?", for layouts that change shape there.
import { ref } from 'vue'

const query = window.matchMedia('(max-width: 900px)')

export const isPhone = ref(query.matches)
query.addEventListener('change', (event) => {
  isPhone.value = event.matches
})
