import { ref, watch } from 'vue'
import { getMe, type MemberView } from '../api/me'
import { memberId } from '../api/session'

// The signed-in member's profile, read once by the portal's layout and shared by its pages (the top
// bar's name and tier, the overview, the cards, the profile form), refreshed where a page changes it.

export const profile = ref<MemberView | null>(null)

export async function loadProfile(): Promise<MemberView | null> {
  const id = memberId.value
  if (!id) {
    profile.value = null
    return null
  }
  const answer = await getMe(id)
  // The session may have ended (or changed hands) while the answer was on its way.
  if (memberId.value === id) profile.value = answer
  return profile.value
}

// Signed out, or another member signed in on this tab: the last one's profile is not shown for a moment.
watch(memberId, () => {
  profile.value = null
})
