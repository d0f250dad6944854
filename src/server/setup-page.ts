/** The one-time setup page the setup link opens: a form that registers the first user as owner. */
export const SETUP_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>taskmark setup</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}label{display:block;margin:.8rem 0}input{width:100%;padding:.4rem}button{margin-top:1rem;padding:.5rem 1rem}</style>
</head><body>
<h1>Create the owner account</h1>
<p>This link works once. The account you create here owns this taskmark workspace.</p>
<form id="f"><label>Name <input name="name" required></label>
<label>E-mail <input name="email" type="email" required></label>
<label>Password (12 characters or more) <input name="password" type="password" minlength="12" required></label>
<button>Create</button></form><p id="out"></p>
<script src="/setup.js"></script>
</body></html>`;

export const SETUP_SCRIPT = `document.getElementById('f').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const data = Object.fromEntries(new FormData(ev.target));
  const setupToken = new URLSearchParams(location.hash.slice(1)).get('token');
  const res = await fetch('/api/v1/auth/register', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...data, setupToken }) });
  const body = await res.json();
  document.getElementById('out').textContent = res.ok ? 'Done: sign in with ' + body.user.email + '.' : body.detail;
});`;
