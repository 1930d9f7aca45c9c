/**
 * Where the chat will be. The chat transport comes in a later issue, so
 * the panel only says what will happen and keeps its place in the layout.
 */
export function ConversationPlaceholder({ connected }: { connected: boolean }) {
  return (
    <section className="conversation placeholder" aria-label="Conversation">
      <p>
        {connected
          ? 'Your agent will write here.'
          : 'Messages will appear here once an agent joins.'}
      </p>
      <form className="row" onSubmit={(e) => e.preventDefault()}>
        <label className="grow visually-hidden-label">
          <span className="visually-hidden">Message</span>
          <input disabled placeholder="Chat is coming soon" />
        </label>
        <button type="submit" disabled>
          Send
        </button>
      </form>
    </section>
  );
}
