import { ElMessage } from 'element-plus'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { refusalLine } from './refusals'

/**
 * A portal button's action: `busy` while it runs (the button shows it and cannot be pressed twice), and a refusal told
 * in the member's words as a toast.
 */
export function useBusyAction() {
  const { t, te } = useI18n()
  const busy = ref(false)

  async function run(action: () => Promise<void>) {
    busy.value = true
    try {
      await action()
    } catch (e) {
      ElMessage.error(refusalLine(e, t, te))
    } finally {
      busy.value = false
    }
  }

  return { busy, run }
}
