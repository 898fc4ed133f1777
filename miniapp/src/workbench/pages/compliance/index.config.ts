export default definePageConfig({ navigationBarTitleText: '合规概览' })
