export default definePageConfig({
  navigationBarTitleText: '认领投诉'
})
