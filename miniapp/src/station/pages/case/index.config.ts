export default definePageConfig({
  navigationBarTitleText: '投诉站案件',
  // The complaint screen (lib/use-complaint) reloads on pull-down, and says so when a reload fails.
  enablePullDownRefresh: true
})
