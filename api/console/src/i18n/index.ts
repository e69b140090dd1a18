import { computed } from 'vue'
import { createI18n } from 'vue-i18n'
import elementEn from 'element-plus/es/locale/lang/en'
import elementZhCn from 'element-plus/es/locale/lang/zh-cn'
import en from './en'
import zhCN from './zh-CN'

export const LOCALES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en', label: 'English' },
] as const
export type LocaleCode = (typeof LOCALES)[number]['code']

const STORAGE_KEY = 'loyalty.console.locale'

function initialLocale(): LocaleCode {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
  return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN'
}

export const messages = { 'zh-CN': zhCN, en }

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages,
})

export function setLocale(code: LocaleCode) {
  i18n.global.locale.value = code
  globalThis.localStorage?.setItem(STORAGE_KEY, code)
  document.documentElement.lang = code
}

export const elementLocale = computed(() => (i18n.global.locale.value === 'en' ? elementEn : elementZhCn))
