// First import: zod must be told before any schema is built (see lib/zod-jitless).
import './lib/zod-jitless'
import type { PropsWithChildren } from 'react'

import './app.css'

function App({ children }: PropsWithChildren) {
  // children is the page being rendered
  return children
}

export default App
