export default definePageConfig({
  navigationBarTitleText: '检查记录',
  enablePullDownRefresh: true
})
