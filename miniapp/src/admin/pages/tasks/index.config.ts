export default definePageConfig({
  navigationBarTitleText: '目标与任务分解',
  enablePullDownRefresh: true
})
