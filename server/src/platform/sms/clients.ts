import { SmsSender, type SmsProvider } from './smsProvider'
import { TencentSmsClient, type TencentSmsSettings } from './tencentSms'

/** The SMS clients, built once from configuration; absent when no credentials are configured (SMS pushes are then off). */
export interface SmsClients {
  provider: SmsProvider
  sender: SmsSender
  /** The approved signature texts go out under (签名). */
  signName: string
}

export function createSmsClients(options: (Partial<TencentSmsSettings> & { signName?: string }) | undefined): SmsClients | undefined {
  if (!options?.secretId || !options.secretKey || !options.smsSdkAppId || !options.signName) return undefined
  const provider = new TencentSmsClient({ ...options, secretId: options.secretId, secretKey: options.secretKey, smsSdkAppId: options.smsSdkAppId })
  return { provider, sender: new SmsSender(provider), signName: options.signName }
}
