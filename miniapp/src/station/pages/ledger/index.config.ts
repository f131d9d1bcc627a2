export default definePageConfig({
  navigationBarTitleText: '投诉站台账',
  enablePullDownRefresh: true
})
