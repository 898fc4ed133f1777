import type { PropsWithChildren } from 'react'
import { ElderModeProvider } from '@/lib/elderMode'
// Loaded with the app so that every page shares one copy of the API client, its schemas
// and the component library (h5 would otherwise bundle them into each page's chunk).
import '@/api'
import '@/components/Page'
import './app.css'

function App({ children }: PropsWithChildren) {
  return <ElderModeProvider>{children}</ElderModeProvider>
}

export default App
