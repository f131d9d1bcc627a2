export default definePageConfig({
  navigationBarTitleText: '处理投诉',
  enablePullDownRefresh: true
})
