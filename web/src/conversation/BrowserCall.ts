/**
 * One browser call, outside React: the RTCPeerConnection, the microphone,
 * and the signalling it exchanges over the live socket. The agent's desk
 * places the call (it sends the offer); the customer's page answers it.
 * Candidates that arrive before the other side's description wait for it.
 */
import type { CallEvent, CallParty, ClientFrame, ServerMessage } from '../api/types';

export type CallPhase = 'idle' | 'starting' | 'connecting' | 'connected' | 'ended' | 'failed';

export interface CallView {
  phase: CallPhase;
  ice: RTCIceConnectionState;
  muted: boolean;
  /** Who hung up, once someone did. */
  endedBy: CallParty | null;
  error: string | null;
}

export interface BrowserCallOptions {
  contactId: string;
  role: CallParty;
  iceServers: RTCIceServer[];
  send(frame: ClientFrame): boolean;
  onChange(view: CallView): void;
  onRemoteStream(stream: MediaStream): void;
}

export class BrowserCall {
  private pc: RTCPeerConnection | null = null;
  private local: MediaStream | null = null;
  private waitingCandidates: RTCIceCandidateInit[] = [];
  private reportedConnected = false;
  private view: CallView = { phase: 'idle', ice: 'new', muted: false, endedBy: null, error: null };

  constructor(private readonly o: BrowserCallOptions) {}

  /** The agent places the call: microphone, offer. */
  async place(): Promise<void> {
    const pc = await this.open();
    if (!pc) return;
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    this.signal('rtc.offer', pc.localDescription!.toJSON() as RTCSessionDescriptionInit);
  }

  /** A message from the socket; others' contacts are ignored. */
  receive(m: ServerMessage): void {
    if (m.kind === 'rtc.media' && m.contactId === this.o.contactId && m.event === 'hangup') {
      this.finish(m.from);
      return;
    }
    if (m.kind !== 'rtc.signal' || m.contactId !== this.o.contactId) return;
    void this.onSignal(m.signal, m.payload).catch((err: unknown) => this.fail(err));
  }

  mute(muted: boolean): void {
    for (const track of this.local?.getAudioTracks() ?? []) track.enabled = !muted;
    this.report(muted ? 'muted' : 'unmuted');
    this.update({ muted });
  }

  hangUp(): void {
    if (this.view.phase === 'ended') return;
    this.report('hangup');
    this.finish(this.o.role);
  }

  /** Releases the microphone and the connection without telling anyone (page left). */
  dispose(): void {
    this.pc?.close();
    for (const track of this.local?.getTracks() ?? []) track.stop();
    this.pc = null;
    this.local = null;
  }

  private async onSignal(signal: 'offer' | 'answer' | 'ice', payload: unknown): Promise<void> {
    if (signal === 'offer') {
      const pc = await this.open();
      if (!pc) return;
      await pc.setRemoteDescription(payload as RTCSessionDescriptionInit);
      await this.flushCandidates();
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      this.signal('rtc.answer', pc.localDescription!.toJSON() as RTCSessionDescriptionInit);
    } else if (signal === 'answer') {
      await this.pc?.setRemoteDescription(payload as RTCSessionDescriptionInit);
      await this.flushCandidates();
    } else if (payload !== null) {
      const candidate = payload as RTCIceCandidateInit;
      if (this.pc?.remoteDescription) await this.pc.addIceCandidate(candidate);
      else this.waitingCandidates.push(candidate);
    }
  }

  private async open(): Promise<RTCPeerConnection | null> {
    if (this.pc) return this.pc;
    this.update({ phase: 'starting' });
    try {
      this.local = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    } catch (err) {
      this.fail(err, 'the microphone is not available');
      return null;
    }
    const pc = new RTCPeerConnection({ iceServers: this.o.iceServers });
    this.pc = pc;
    for (const track of this.local.getTracks()) pc.addTrack(track, this.local);
    pc.onicecandidate = (e) => this.signal('rtc.ice', e.candidate ? e.candidate.toJSON() : null);
    pc.ontrack = (e) => {
      const stream = e.streams[0] ?? new MediaStream([e.track]);
      this.o.onRemoteStream(stream);
    };
    pc.oniceconnectionstatechange = () => this.onIceState(pc.iceConnectionState);
    this.update({ phase: 'connecting' });
    return pc;
  }

  private onIceState(ice: RTCIceConnectionState): void {
    const connected = ice === 'connected' || ice === 'completed';
    if (connected && !this.reportedConnected) {
      this.reportedConnected = true;
      this.report('connected');
    }
    const phase = this.view.phase === 'ended' ? 'ended' : connected ? 'connected' : this.view.phase;
    this.update({ ice, phase: ice === 'failed' ? 'failed' : phase });
  }

  private async flushCandidates(): Promise<void> {
    const waiting = this.waitingCandidates;
    this.waitingCandidates = [];
    for (const candidate of waiting) await this.pc?.addIceCandidate(candidate);
  }

  private finish(by: CallParty): void {
    this.dispose();
    this.update({ phase: 'ended', endedBy: by });
  }

  private signal(type: 'rtc.offer' | 'rtc.answer', payload: RTCSessionDescriptionInit): void;
  private signal(type: 'rtc.ice', payload: RTCIceCandidateInit | null): void;
  private signal(
    type: 'rtc.offer' | 'rtc.answer' | 'rtc.ice',
    payload: RTCSessionDescriptionInit | RTCIceCandidateInit | null,
  ): void {
    const contactId = this.o.contactId;
    if (type === 'rtc.ice')
      this.o.send({ type, contactId, payload: payload as RTCIceCandidateInit | null });
    else this.o.send({ type, contactId, payload: payload as RTCSessionDescriptionInit });
  }

  private report(event: CallEvent): void {
    this.o.send({ type: 'rtc.media', contactId: this.o.contactId, event });
  }

  private fail(err: unknown, what = 'the call could not be set up'): void {
    const detail = err instanceof Error ? `${what}: ${err.message}` : what;
    this.dispose();
    this.update({ phase: 'failed', error: detail });
  }

  private update(change: Partial<CallView>): void {
    this.view = { ...this.view, ...change };
    this.o.onChange(this.view);
  }
}
