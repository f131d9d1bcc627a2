export default definePageConfig({
  navigationBarTitleText: '店铺承诺'
})
