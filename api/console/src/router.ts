import { createRouter, createWebHistory } from 'vue-router'
import { isLoggedIn } from './api/session'
import ConsoleLayout from './layouts/ConsoleLayout.vue'
import LoginView from './views/LoginView.vue'

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
    {
      path: '/',
      component: ConsoleLayout,
      children: [
        { path: '', redirect: { name: 'dashboard' } },
        { path: 'dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue') },
        { path: 'members', name: 'members', component: () => import('./views/MembersView.vue') },
        { path: 'campaigns', name: 'campaigns', component: () => import('./views/CampaignsView.vue') },
        { path: 'coupon-templates', name: 'coupons', component: () => import('./views/CouponTemplatesView.vue') },
      ],
    },
    { path: '/:rest(.*)*', redirect: { name: 'dashboard' } },
  ],
})

router.beforeEach((to) => {
  if (!to.meta.public && !isLoggedIn.value) return { name: 'login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} }
  if (to.name === 'login' && isLoggedIn.value) return { name: 'dashboard' }
  return true
})
