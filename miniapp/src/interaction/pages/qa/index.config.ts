export default definePageConfig({
  navigationBarTitleText: '公开留言',
})
