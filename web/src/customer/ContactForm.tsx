/**
 * The customer's request: who they are, how to reach them and what about,
 * and whether to chat, call or be called back. Email or phone is needed,
 * and a phone number for a callback.
 */
import { useState, type FormEvent } from 'react';
import { describeError } from '../api/ApiError';
import type { Channel, NewContactRequest } from '../api/types';
import { ErrorNote } from '../common/ErrorNote';
import { useTopics } from './topics';

const channelChoices: { value: Channel; label: string; hint: string }[] = [
  { value: 'chat', label: 'Chat', hint: 'Type with an agent here' },
  { value: 'voice', label: 'Voice call', hint: 'Talk to an agent now' },
  { value: 'callback', label: 'Call me back', hint: 'Keep your place; we ring you' },
];

export function ContactForm({ onSubmit }: { onSubmit(request: NewContactRequest): Promise<void> }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const topics = useTopics();
  /** A topic id; '' for "Something else". */
  const [topic, setTopic] = useState('');
  const [channel, setChannel] = useState<Channel>('chat');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!email.trim() && !phone.trim())
      return setError('Please give an email address or a phone number.');
    if (channel === 'callback' && !phone.trim())
      return setError('Please give a phone number so we can call you back.');
    setError(null);
    setBusy(true);
    const chosen = topic || undefined;
    try {
      await onSubmit({
        channel,
        ...(chosen ? { topic: chosen } : {}),
        customer: {
          name: name.trim(),
          ...(email.trim() ? { email: email.trim() } : {}),
          ...(phone.trim() ? { phone: phone.trim() } : {}),
        },
      });
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="contact-title">
      <h1 id="contact-title">How can we help?</h1>
      <label>
        Your name
        <input
          name="name"
          autoComplete="name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <div className="row wrap">
        <label className="grow">
          Email
          <input
            name="email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="grow">
          Phone
          <input
            name="phone"
            type="tel"
            autoComplete="tel"
            pattern="\+?[0-9 ()\-]{3,32}"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        </label>
      </div>
      <label>
        What is it about?
        <select name="topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
          {topics.map((t) => (
            <option key={t.label} value={t.value ?? ''}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="choices">
        <legend>How would you like to talk?</legend>
        {channelChoices.map((c) => (
          <label key={c.value} className={`choice ${channel === c.value ? 'chosen' : ''}`}>
            <input
              type="radio"
              name="channel"
              value={c.value}
              checked={channel === c.value}
              onChange={() => setChannel(c.value)}
            />
            <span className="choice-label">{c.label}</span>
            <span className="hint">{c.hint}</span>
          </label>
        ))}
      </fieldset>
      <ErrorNote message={error} />
      <button className="primary" type="submit" disabled={busy}>
        {busy ? 'Connecting…' : channel === 'callback' ? 'Request a call back' : 'Contact us'}
      </button>
    </form>
  );
}
