export default definePageConfig({
  navigationBarTitleText: '商户名录',
  enablePullDownRefresh: true
})
