/**
 * Picks the page from the path: `/agent` the agent desk, `/supervisor…`
 * the dashboard and its sub-pages, anything else the customer page. The
 * staff pages are loaded on demand, so a customer's phone downloads
 * neither the charts nor drag and drop.
 */
import { lazy, Suspense } from 'react';
import { usePath } from './common/navigation';
import { CustomerPage } from './customer/CustomerPage';

const AgentDesk = lazy(() => import('./agent/AgentDesk').then((m) => ({ default: m.AgentDesk })));
const SupervisorApp = lazy(() =>
  import('./supervisor/SupervisorApp').then((m) => ({ default: m.SupervisorApp })),
);

export function App() {
  const path = usePath();
  const page =
    path === '/agent' || path.startsWith('/agent/') ? (
      <AgentDesk />
    ) : path === '/supervisor' || path.startsWith('/supervisor/') ? (
      <SupervisorApp path={path} />
    ) : (
      <CustomerPage />
    );
  return <Suspense fallback={<p className="centered">Loading…</p>}>{page}</Suspense>;
}
