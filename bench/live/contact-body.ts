/** The body every benchmark client POSTs to /api/contacts: a voice call. */
export const newContactBody = JSON.stringify({
  channel: 'voice',
  customer: { name: 'Bench Caller' },
});
