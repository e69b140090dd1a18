import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import { createApp } from 'vue'
import App from './App.vue'
import { whenUnauthorized } from './api/http'
import { i18n } from './i18n'
import { router } from './router'

whenUnauthorized(() => void router.push({ name: 'login', query: { next: router.currentRoute.value.fullPath } }))

document.documentElement.lang = i18n.global.locale.value
createApp(App).use(router).use(i18n).use(ElementPlus).mount('#app')
