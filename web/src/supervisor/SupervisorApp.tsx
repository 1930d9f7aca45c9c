/**
 * The supervisor's pages: sign in as staff, then the dashboard, history,
 * an agent's profile or the simulation view, sharing one live connection
 * to the center.
 */
import { LoginForm } from '../common/LoginForm';
import { useSession } from '../common/useSession';
import { SupervisorShell } from './SupervisorShell';

export function SupervisorApp({ path }: { path: string }) {
  const { user, checking, signIn, signOut } = useSession();
  if (checking) return <p className="centered">Checking your session…</p>;
  if (!user) return <LoginForm title="Supervisor sign in" onSignIn={signIn} />;
  if (user.role !== 'supervisor' && user.role !== 'admin') {
    return (
      <main className="centered card stack">
        <p>{user.displayName} may not see the dashboard: it needs a supervisor or admin account.</p>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </main>
    );
  }
  return <SupervisorShell path={path} displayName={user.displayName} onSignOut={signOut} />;
}
