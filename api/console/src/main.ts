import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles/panel.css'
import './styles/reports.css'
import './styles/member.css'
import './styles/tickets.css'
import { createApp } from 'vue'
import App from './App.vue'
import { whenUnauthorized } from './api/http'
import { keepSessionAlive } from './api/keepAlive'
import { i18n } from './i18n'
import { afterUnauthorized, type Target } from './routeAccess'
import { router } from './router'

// A session the api no longer takes goes back to its own sign-in: a member's to the members' page, staff to theirs.
whenUnauthorized(() => {
  const to = afterUnauthorized(router.currentRoute.value as Target)
  if (to) void router.push(to)
})

// Staff and members alike stay signed in while they work: their token is renewed before it runs out.
keepSessionAlive()

document.documentElement.lang = i18n.global.locale.value
createApp(App).use(router).use(i18n).use(ElementPlus).mount('#app')
