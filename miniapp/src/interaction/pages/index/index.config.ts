export default definePageConfig({
  navigationBarTitleText: '互动交流',
})
