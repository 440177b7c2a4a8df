// What every page does first: hide "Sign out" when the server has no password (there is
// no session to end then). The answer comes from /api/session.

import { request } from './api.js';

export async function setUpSession() {
  const form = document.querySelector('form.logout');
  if (!form) return;
  form.hidden = true;
  try {
    const session = await request('/api/session');
    form.hidden = !session.password_required;
  } catch {
    // Not signed in: api.js has already gone to the login page.
  }
}
