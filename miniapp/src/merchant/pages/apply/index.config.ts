export default definePageConfig({
  navigationBarTitleText: '申请参创'
})
