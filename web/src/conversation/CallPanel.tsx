/**
 * The controls of a browser call, for the customer and the agent alike:
 * its state, mute and hang up, and the audio element the other side's
 * voice plays through.
 */
import type { Call } from './useCall';

const phaseText = {
  idle: 'Waiting for the call…',
  starting: 'Starting your microphone…',
  connecting: 'Connecting the call…',
  connected: 'On the call',
  ended: 'The call has ended',
  failed: 'The call could not connect',
} as const;

export function CallPanel({ call, otherName }: { call: Call; otherName: string }) {
  const { view } = call;
  const live = view.phase === 'connecting' || view.phase === 'connected';
  return (
    <section
      className="call-panel stack"
      aria-label="Call"
      data-testid="call"
      data-phase={view.phase}
      data-ice-state={view.ice}
    >
      <p className="call-state" role="status">
        {phaseText[view.phase]}
        {view.phase === 'connected' && ` with ${otherName}`}
        {view.phase === 'ended' && view.endedBy && ` (${view.endedBy} hung up)`}
        {view.muted && live && ' · muted'}
      </p>
      {view.error && <p className="error">{view.error}</p>}
      <audio ref={call.audioRef} autoPlay />
      {live && (
        <div className="row wrap">
          <button type="button" aria-pressed={view.muted} onClick={() => call.mute(!view.muted)}>
            {view.muted ? 'Unmute' : 'Mute'}
          </button>
          <button type="button" className="danger" onClick={() => call.hangUp()}>
            Hang up
          </button>
        </div>
      )}
    </section>
  );
}
