import { onBeforeUnmount, onMounted, ref } from 'vue'

/** The time, ticking while the component is on screen (for countdowns). */
export function useNow(everyMs = 250) {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    timer = setInterval(() => (now.value = Date.now()), everyMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
