import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles/panel.css'
import './styles/reports.css'
import './styles/member.css'
import './styles/tickets.css'
import { createApp } from 'vue'
import App from './App.vue'
import { whenUnauthorized } from './api/http'
import { i18n } from './i18n'
import { loginFor, type Target } from './routeAccess'
import { router } from './router'

// A session that ran out goes back to its own sign-in: a member's to the members' page, staff to theirs.
whenUnauthorized(() => void router.push(loginFor(router.currentRoute.value as Target)))

document.documentElement.lang = i18n.global.locale.value
createApp(App).use(router).use(i18n).use(ElementPlus).mount('#app')
