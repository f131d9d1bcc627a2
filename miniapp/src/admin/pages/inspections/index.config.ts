export default definePageConfig({
  navigationBarTitleText: '明查暗访',
  enablePullDownRefresh: true
})
