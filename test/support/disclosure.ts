import { residentIdCheckChar, type DisclosureApplicationBody } from '@zw/shared'

/** A valid 18-digit resident ID number (GB 11643 check character) of a Guiyang resident born on `birth`. */
export function residentIdNumber(birth: string, serial: number): string {
  const first17 = `520102${birth}${String(serial).padStart(3, '0')}`
  return first17 + residentIdCheckChar(first17)
}

/** A citizen's application to 贵阳市人社局 for information delivered online, with the fields given. */
export const applicationForm = (idNumber: string, over: Partial<DisclosureApplicationBody> = {}): DisclosureApplicationBody => ({
  department: 'guiyang-hrss',
  applicantKind: 'citizen',
  name: '张三',
  idType: 'resident-id',
  idNumber,
  phone: '13800000000',
  description: '2025 年贵阳市就业补贴资金发放明细',
  form: 'electronic',
  delivery: 'online',
  ...over,
})
