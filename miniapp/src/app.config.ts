export default defineAppConfig({
  // The main package holds only what a consumer needs: the shop page a scan opens, sign-in, filing and
  // following a complaint. The complaint detail page is also where merchants and staff land from a
  // notification; their own work lives in the role subpackages below.
  pages: [
    'pages/index/index',
    'pages/merchant/index',
    'pages/login/index',
    'pages/complaint-new/index',
    'pages/complaints/index',
    'pages/complaint/index'
  ],
  // One subpackage per role (src/merchant, src/admin), loaded only when someone in that role opens it.
  // They may use the main package's shared components; neither imports the other.
  subPackages: [
    {
      root: 'merchant',
      name: 'merchant',
      pages: ['pages/queue/index', 'pages/handle/index']
    },
    {
      root: 'admin',
      name: 'admin',
      pages: ['pages/triage/index', 'pages/case/index']
    }
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '放心消费',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7'
  }
})
