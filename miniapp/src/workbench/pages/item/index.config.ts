export default definePageConfig({ navigationBarTitleText: '内容历史' })
