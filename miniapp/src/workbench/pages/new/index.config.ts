export default definePageConfig({ navigationBarTitleText: '新建稿件' })
