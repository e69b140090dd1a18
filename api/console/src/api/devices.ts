// A store's lane and gateway credentials (/stores/{storeId}/devices, docs/security.md): head office for any store, a
// manager for their own (403 auth.forbidden_store for another).
import { asList, get, post } from './http'

export const DEVICE_ROLES = ['lane', 'gateway'] as const
export type DeviceRole = (typeof DEVICE_ROLES)[number]

/** One device as the list shows it: never its secret. */
export interface Device {
  deviceId: string
  clientId: string
  role: DeviceRole | string
  createdAt?: string
  disabled?: boolean
  disabledAt?: string | null
}

/** The answer to issuing credentials: the only time the secret is ever shown (the api keeps a hash of it). */
export interface IssuedCredentials {
  clientId: string
  clientSecret: string
  storeId: string
  deviceId: string
  role: DeviceRole | string
}

const path = (storeId: string) => `/stores/${encodeURIComponent(storeId)}/devices`

export async function listDevices(storeId: string): Promise<Device[]> {
  return asList<Device>(await get<unknown>(path(storeId)))
}

/** New credentials; for a device that has some already, they replace them (the old ones stop working). */
export const issueCredentials = (storeId: string, deviceId: string, role: DeviceRole) =>
  post<IssuedCredentials>(path(storeId), { deviceId, role })

/** Ends the device's tokens at once; answers the store's devices. 404 device.not_found. */
export async function revokeDevice(storeId: string, deviceId: string): Promise<Device[]> {
  return asList<Device>(await post<unknown>(`${path(storeId)}/${encodeURIComponent(deviceId)}/revoke`))
}
