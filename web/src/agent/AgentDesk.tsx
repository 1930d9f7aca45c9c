/** The agent desk page: sign in as an agent user, then the desk. */
import { LoginForm } from '../common/LoginForm';
import { useSession } from '../common/useSession';
import { DeskView } from './DeskView';

export function AgentDesk() {
  const { user, checking, signIn, signOut } = useSession();
  if (checking) return <p className="centered">Checking your session…</p>;
  if (!user) return <LoginForm title="Agent sign in" onSignIn={signIn} />;
  if (user.role !== 'agent' || !user.agentId) {
    return (
      <main className="centered card stack">
        <p>{user.displayName} is not an agent user. The desk needs an agent account.</p>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </main>
    );
  }
  return <DeskView displayName={user.displayName} onSignOut={signOut} />;
}
