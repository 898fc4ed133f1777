import { savedSession } from './session'

/**
 * Downloads a staff CSV export in the browser (h5) with the access token; answers an
 * error message in Chinese, or '' when the download started. (The mini-program has no
 * file downloads to the desktop: exports are for the workbench in a browser.)
 */
export async function downloadCsv(path: string, filename: string): Promise<string> {
  const session = savedSession()
  if (!session) return '请先登录工作台'
  const res = await fetch(path, { headers: { authorization: `Bearer ${session.accessToken}` } })
  if (!res.ok) return '导出失败，请重新登录后再试'
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.click()
  URL.revokeObjectURL(url)
  return ''
}
