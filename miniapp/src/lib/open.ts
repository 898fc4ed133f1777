import Taro from '@tarojs/taro'

/** Server-relative addresses (`/files/…`) are fetched from the API's host in weapp. */
export function resolveUrl(url: string): string {
  if (/^https?:\/\//i.test(url)) return url
  if (url.startsWith('/')) return `${process.env.TARO_APP_API_BASE_URL ?? ''}${url}`
  return url
}

function hideLoading() {
  try {
    Taro.hideLoading()
  } catch {
    // nothing was showing
  }
}

function toast(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 }).catch(() => undefined)
}

/** Copies an address for the citizen to open in a browser (mini-programs cannot open web pages). */
export function copyLink(url: string, done = '链接已复制，可粘贴到浏览器打开'): void {
  Taro.setClipboardData({ data: url })
    .then(() => toast(done))
    .catch(() => toast('复制失败，请稍后再试'))
}

/** An outside web page: a new tab in h5; in WeChat the link is copied. */
export function openLink(url: string): void {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener')
    return
  }
  copyLink(url)
}

/** An attachment: opened in the browser (h5), or downloaded and previewed in WeChat. */
export function openAttachment(url: string): void {
  const full = resolveUrl(url)
  if (process.env.TARO_ENV === 'h5') {
    window.open(full, '_blank', 'noopener')
    return
  }
  void Taro.showLoading({ title: '正在打开…' }).catch(() => undefined)
  Taro.downloadFile({ url: full })
    .then((res) => {
      if (res.statusCode !== 200) throw new Error(`download ${res.statusCode}`)
      return Taro.openDocument({ filePath: res.tempFilePath, showMenu: true })
    })
    .then(() => {
      hideLoading()
    })
    .catch(() => {
      hideLoading()
      copyLink(full, '无法直接打开，链接已复制，可粘贴到浏览器打开')
    })
}

/** Phone call; the citizen cancelling the dialog is not an error worth showing. */
export function callPhone(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)
}
