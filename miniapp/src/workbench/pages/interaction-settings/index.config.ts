export default definePageConfig({
  navigationBarTitleText: '留言设置',
})
