import { createRouter, createWebHistory } from 'vue-router'
import { isAdmin, isLoggedIn } from './api/session'
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
        { path: 'reports', name: 'reports', component: () => import('./views/ReportsView.vue') },
        { path: 'audit', name: 'audit', component: () => import('./views/AuditView.vue'), meta: { adminOnly: true } },
      ],
    },
    { path: '/:rest(.*)*', redirect: { name: 'dashboard' } },
  ],
})

router.beforeEach((to) => {
  if (!to.meta.public && !isLoggedIn.value) return { name: 'login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} }
  if (to.name === 'login' && isLoggedIn.value) return { name: 'dashboard' }
  // The api refuses the audit log to anyone but head office; the console does not offer it to them either.
  if (to.meta.adminOnly && !isAdmin.value) return { name: 'dashboard' }
  return true
})
