export default definePageConfig({
  navigationBarTitleText: '通知发送失败',
  enablePullDownRefresh: true
})
