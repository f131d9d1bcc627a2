import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { listenForPrivacyAuthorization } from './lib/privacy'

import './app.css'

function App({ children }: PropsWithChildren) {
  // Before any page calls a privacy API: WeChat asks us to explain and collect the person's agreement.
  useLaunch(listenForPrivacyAuthorization)
  // children is the page being rendered
  return children
}

export default App
