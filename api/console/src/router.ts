import { createRouter, createWebHistory } from 'vue-router'
import { isAdmin, viewer } from './api/session'
import ConsoleLayout from './layouts/ConsoleLayout.vue'
import { decide, type Target } from './routeAccess'
import LoginView from './views/LoginView.vue'

const member = { area: 'member' as const }

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/login', name: 'login', component: LoginView, meta: { public: true, guestOnly: true } },
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
        // Head office sees and sets up every store, a manager their own.
        { path: 'stores', name: 'stores', component: () => import('./views/StoresView.vue') },
        { path: 'audit', name: 'audit', component: () => import('./views/AuditView.vue'), meta: { adminOnly: true } },
        // Head office manages staff accounts and every store's devices, a manager their own stores' devices (staff/staffPage.ts).
        { path: 'staff', name: 'staff', component: () => import('./views/StaffView.vue') },
      ],
    },
    // The members' portal (会员中心): the same app, its own pages and layout, for a member's token only.
    { path: '/me/login', name: 'me-login', component: () => import('./views/member/MeLoginView.vue'), meta: { ...member, public: true, guestOnly: true } },
    { path: '/me/register', name: 'me-register', component: () => import('./views/member/MeRegisterView.vue'), meta: { ...member, public: true, guestOnly: true } },
    { path: '/me/goodbye', name: 'me-goodbye', component: () => import('./views/member/MeGoodbyeView.vue'), meta: { ...member, public: true } },
    {
      path: '/me',
      component: () => import('./layouts/MemberLayout.vue'),
      // Children inherit it: vue-router merges a page's meta with its parents'.
      meta: member,
      children: [
        { path: '', name: 'me-home', component: () => import('./views/member/MeHomeView.vue') },
        // 会员码: what the member shows at the till (docs/member-codes.md).
        { path: 'code', name: 'me-code', component: () => import('./views/member/MeCodeView.vue') },
        { path: 'ledger', name: 'me-ledger', component: () => import('./views/member/MeLedgerView.vue') },
        // 购物记录: purchases and returns with their receipts (电子小票).
        { path: 'purchases', name: 'me-purchases', component: () => import('./views/member/MePurchasesView.vue') },
        { path: 'coupons', name: 'me-coupons', component: () => import('./views/member/MeCouponsView.vue') },
        { path: 'rewards', name: 'me-rewards', component: () => import('./views/member/MeRewardsView.vue') },
        { path: 'cards', name: 'me-cards', component: () => import('./views/member/MeCardsView.vue') },
        { path: 'profile', name: 'me-profile', component: () => import('./views/member/MeProfileView.vue') },
      ],
    },
    { path: '/me/:rest(.*)*', redirect: { name: 'me-home' } },
    { path: '/:rest(.*)*', redirect: { name: 'dashboard' } },
  ],
})

router.beforeEach((to) => decide(to as Target, viewer.value, isAdmin.value))
