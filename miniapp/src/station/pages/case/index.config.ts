export default definePageConfig({
  navigationBarTitleText: '投诉站案件'
})
