// Issuing a device's credentials: the store and device ids follow the api's Rules.StoreId; a role is required.
import { DEVICE_ROLES, type Device } from '../api/devices'
import { STORE_ID } from './accountForm'

export interface DeviceForm {
  deviceId: string
  role: string
}

/** Each problem as a key under `staff.fields`; empty when the credentials may be issued. */
export function deviceFormProblems(storeId: string, form: DeviceForm): Partial<Record<'storeId' | 'deviceId' | 'role', string>> {
  const problems: Partial<Record<'storeId' | 'deviceId' | 'role', string>> = {}
  if (!STORE_ID.test(storeId.trim())) problems.storeId = storeId.trim() ? 'storeInvalid' : 'storeRequired'
  if (!STORE_ID.test(form.deviceId.trim())) problems.deviceId = form.deviceId.trim() ? 'deviceIdInvalid' : 'deviceIdRequired'
  if (!(DEVICE_ROLES as readonly string[]).includes(form.role)) problems.role = 'roleRequired'
  return problems
}

/** Whether issuing for this device id replaces credentials it already has (the old ones then stop working). */
export const replacesCredentials = (devices: readonly Device[], deviceId: string) => devices.some((d) => d.deviceId === deviceId.trim())

