/** Navigation and the live connection around the supervisor's sub-pages. */
import { Link } from '../common/navigation';
import { useCenterLive } from '../live/useCenterLive';
import { AgentProfilePage } from './AgentProfilePage';
import { Dashboard } from './Dashboard';
import { HistoryPage } from './HistoryPage';
import { SimulationPage } from './SimulationPage';

const sections = [
  { href: '/supervisor', label: 'Live' },
  { href: '/supervisor/history', label: 'History' },
  { href: '/supervisor/simulation', label: 'Simulation' },
];

export interface SupervisorShellProps {
  path: string;
  displayName: string;
  onSignOut(): Promise<void>;
}

export function SupervisorShell({ path, displayName, onSignOut }: SupervisorShellProps) {
  const live = useCenterLive();
  const agentMatch = /^\/supervisor\/agents\/([^/]+)$/.exec(path);

  return (
    <div className="app-shell">
      <header className="topbar">
        <strong className="brand-name">Switchboard · Supervisor</strong>
        <nav aria-label="Sections">
          <ul className="nav-list">
            {sections.map((s) => (
              <li key={s.href}>
                <Link href={s.href} aria-current={path === s.href ? 'page' : undefined}>
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className={`socket socket-${live.socket}`} role="status">
          {live.socket === 'open'
            ? 'Live'
            : live.socket === 'connecting'
              ? 'Connecting…'
              : 'Reconnecting…'}
        </span>
        <span className="who">{displayName}</span>
        <button type="button" className="quiet" onClick={() => void onSignOut()}>
          Sign out
        </button>
      </header>
      {agentMatch ? (
        <AgentProfilePage agentId={decodeURIComponent(agentMatch[1]!)} live={live} />
      ) : path === '/supervisor/history' ? (
        <HistoryPage live={live} />
      ) : path === '/supervisor/simulation' ? (
        <SimulationPage />
      ) : path === '/supervisor' || path === '/supervisor/' ? (
        <Dashboard live={live} />
      ) : (
        <main className="centered" role="alert">
          <h1>No such page</h1>
          <p>
            Nothing lives at <code>{path}</code>.{' '}
            <Link href="/supervisor">Back to the live view</Link>
          </p>
        </main>
      )}
    </div>
  );
}
