export default definePageConfig({ navigationBarTitleText: '审计查询' })
