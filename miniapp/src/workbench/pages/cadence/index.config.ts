export default definePageConfig({ navigationBarTitleText: '更新频次' })
